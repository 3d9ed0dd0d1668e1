/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F. We carry our own table because Node 20's
 * `TextDecoder('windows-1252')` decodes that range as Latin-1 (0x80 becomes U+0080, not €).
 * The five bytes Windows-1252 leaves undefined map to the C1 control of the same value, as WHATWG does.
 */
const HIGH_CONTROL_RANGE = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** The character a single Windows-1252 byte stands for. */
export function windows1252Char(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) return String.fromCharCode(HIGH_CONTROL_RANGE[byte - 0x80]!);
  return String.fromCharCode(byte);
}

const SLICE = 8192;

/** Decodes bytes as Windows-1252 (every byte is one character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += SLICE) {
    const codes = Array.from(bytes.subarray(start, start + SLICE), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROL_RANGE[byte - 0x80]! : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}
