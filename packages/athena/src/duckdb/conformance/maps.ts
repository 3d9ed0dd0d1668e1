import { type ConformanceCase, casesFrom } from './conformance-case.js';

// map.md: maps built from key and value arrays; element_at is NULL for a missing key.
export const maps: ConformanceCase[] = casesFrom('map.md', [
  [
    "SELECT MAP(ARRAY['key1', 'key2', 'key3'], ARRAY[2373, 3463, 45837])",
    { key1: 2373, key2: 3463, key3: 45837 },
    'map(varchar, integer)',
  ],
  [
    "SELECT MAP(ARRAY['key1', 'key2', 'key3'], ARRAY['v1', NULL, 'v3'])",
    { key1: 'v1', key2: null, key3: 'v3' },
    'map(varchar, varchar)',
  ],
  ["SELECT MAP(ARRAY['key1', 'key2', 'key3'], ARRAY['v1', 'v2', 'v3'])['key2']", 'v2', 'varchar'],
  ['SELECT map(ARRAY[1, 3], ARRAY[2, 4])', { 1: 2, 3: 4 }, 'map(integer, integer)'],
  ["SELECT cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", 2, 'bigint'],
  ["SELECT element_at(MAP(ARRAY['a'], ARRAY[1]), 'a')", 1, 'integer'],
  ["SELECT element_at(MAP(ARRAY['a'], ARRAY[1]), 'b')", null, 'integer'],
  ["SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')])", { 1: 'x', 2: 'y' }, 'map(integer, varchar)'],
  ["SELECT map_keys(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", ['a', 'b'], 'array(varchar)'],
  ["SELECT map_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", [1, 2], 'array(integer)'],
  [
    "SELECT map_concat(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a', 'b'], ARRAY[2, 3]))",
    { a: 2, b: 3 },
    'map(varchar, integer)',
  ],
  [
    "SELECT map_filter(MAP(ARRAY['k1', 'k2', 'k3'], ARRAY[20, 3, 15]), (k, v) -> v > 10)",
    { k1: 20, k3: 15 },
    'map(varchar, integer)',
  ],
  [
    "SELECT transform_keys(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), (k, v) -> k + 1)",
    { 2: 'a', 3: 'b', 4: 'c' },
    'map(integer, varchar)',
  ],
  [
    'SELECT transform_values(MAP(ARRAY[1, 2, 3], ARRAY[10, 20, 30]), (k, v) -> v + k)',
    { 1: 11, 2: 22, 3: 33 },
    'map(integer, integer)',
  ],
  [
    "SELECT map_zip_with(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), MAP(ARRAY[1, 2, 3], ARRAY['d', 'e', 'f']), (k, v1, v2) -> concat(v1, v2))",
    { 1: 'ad', 2: 'be', 3: 'cf' },
    'map(integer, varchar)',
  ],
  [
    "SELECT multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')])",
    { 1: ['x', 'z'], 2: ['y'] },
    'map(integer, array(varchar))',
  ],
]);
