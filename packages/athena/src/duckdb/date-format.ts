import { UnsupportedDateFormatError } from './errors.js';

// Trino's date_format/date_parse use MySQL specifiers; DuckDB's strftime/strptime use C ones. The same
// letter can mean different things (`%i` minutes vs ISO year, `%M` month name vs minutes), so every
// specifier is translated, never passed through.
const TRINO_TO_STRFTIME: Readonly<Record<string, string>> = {
  a: '%a', // abbreviated weekday name
  b: '%b', // abbreviated month name
  c: '%-m', // month 1..12
  d: '%d', // day 01..31
  e: '%-d', // day 1..31
  f: '%f', // fraction of second, microseconds
  H: '%H', // hour 00..23
  h: '%I', // hour 01..12
  I: '%I', // hour 01..12
  i: '%M', // minutes 00..59
  j: '%j', // day of year 001..366
  k: '%-H', // hour 0..23
  l: '%-I', // hour 1..12
  M: '%B', // month name
  m: '%m', // month 01..12
  p: '%p', // AM or PM
  r: '%I:%M:%S %p', // 12-hour time
  S: '%S', // seconds
  s: '%S', // seconds
  T: '%H:%M:%S', // 24-hour time
  v: '%V', // ISO week 01..53, Monday first (used with %x)
  W: '%A', // weekday name
  x: '%G', // ISO week-based year (used with %v)
  Y: '%Y', // four-digit year
  y: '%y', // two-digit year
  '%': '%%',
};

// Trino documents these as unsupported; failing here matches what Athena does.
const UNSUPPORTED_IN_TRINO = new Set(['D', 'U', 'u', 'V', 'w', 'X']);

/**
 * Rewrites a Trino/MySQL date format (as used by `date_format` and `date_parse`) into the DuckDB
 * strftime/strptime format with the same meaning. Letters Trino does not know stand for themselves.
 *
 * @example trinoFormatToStrftime('%Y-%m-%d %H:%i:%s') // '%Y-%m-%d %H:%M:%S'
 * @example trinoFormatToStrftime('%W, %M %e') // '%A, %B %-d'
 */
export function trinoFormatToStrftime(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i] as string;
    if (char !== '%') {
      out += char;
      continue;
    }
    const spec = format[i + 1];
    if (spec === undefined) throw new UnsupportedDateFormatError(format, 'it ends with a lone %');
    out += translateSpecifier(format, spec);
    i++;
  }
  return out;
}

function translateSpecifier(format: string, spec: string): string {
  if (UNSUPPORTED_IN_TRINO.has(spec)) {
    throw new UnsupportedDateFormatError(format, `specifier %${spec} is not supported by Trino/Athena`);
  }
  // MySQL rule: `%x` for any x not listed is the character x itself.
  return TRINO_TO_STRFTIME[spec] ?? spec;
}
