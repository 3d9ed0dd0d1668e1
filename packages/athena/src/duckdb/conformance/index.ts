import { aggregates } from './aggregates.js';
import { arrays } from './arrays.js';
import { casts } from './casts.js';
import type { ConformanceCase } from './conformance-case.js';
import { datetime } from './datetime.js';
import { json } from './json.js';
import { maps } from './maps.js';
import { operators } from './operators.js';
import { regexp } from './regexp.js';
import { strings } from './strings.js';
import { windows } from './windows.js';

/** The corpus by category, in the order the README lists them. */
export const CONFORMANCE_CORPUS: Readonly<Record<string, readonly ConformanceCase[]>> = {
  'operators and conditionals': operators,
  'casts and try_cast': casts,
  strings,
  regexp,
  'date and time': datetime,
  arrays,
  maps,
  json,
  aggregates,
  'window functions': windows,
};
