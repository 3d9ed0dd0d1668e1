/**
 * Parses JSON like `JSON.parse`, except that an integer literal beyond 2^53 (which `JSON.parse`
 * silently rounds: `12345678901234567890` → `12345678901234567000`) arrives as a string of its
 * exact digits. Ids stay exact; a schema expecting a number sees a string and rejects it, so no
 * value is ever rounded. Fractions and exponents are parsed as usual.
 *
 * @example parseJsonExact('{"machine_id": 12345678901234567890, "t": 1.5}') // { machine_id: '12345678901234567890', t: 1.5 }
 */
export function parseJsonExact(text: string): unknown {
  const quoted = quoteLargeIntegers(text);
  if (quoted === text) return JSON.parse(text);
  try {
    return JSON.parse(quoted);
  } catch {
    return JSON.parse(text); // invalid JSON: throw the error of the text as given
  }
}

const LARGE_INTEGER = /^-?\d{16,}$/;
const NUMBER_CHAR = /[0-9eE+\-.]/;

/** The text with each integer literal beyond 2^53 put in quotes; strings are skipped whole. */
function quoteLargeIntegers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') i = stringEnd(text, i);
    else if (char === '-' || (char >= '0' && char <= '9')) {
      const start = i;
      while (++i < text.length && NUMBER_CHAR.test(text[i] as string));
      const literal = text.slice(start, i);
      if (LARGE_INTEGER.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(copied, start)}"${literal}"`;
        copied = i;
      }
    } else i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i++] === '"') return i;
  }
  return i;
}
