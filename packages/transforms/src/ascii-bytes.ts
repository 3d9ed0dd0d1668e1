// Digit and ASCII rules the fast paths share, over the bytes of a CSV record or over text.

/** True when every byte of `bytes[start, end)` is ASCII (below 0x80). */
export function isAsciiSpan(bytes: Uint8Array, start: number, end: number): boolean {
  let high = 0;
  for (let i = start; i < end; i++) high |= bytes[i] as number;
  return high < 0x80;
}

/** The decimal value of the ASCII digits `bytes[start, end)`, or -1 when any byte is not a digit. */
export function asciiDigits(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** {@link asciiDigits} of the characters `text[start, end)`. */
export function textDigits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
