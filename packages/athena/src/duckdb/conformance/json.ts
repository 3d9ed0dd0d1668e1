import { type ConformanceCase, casesFrom } from './conformance-case.js';

// json.md: json_extract_scalar is NULL unless the value at the path is a scalar; json_format gives
// compact JSON text; json values decode as parsed JSON.
export const json: ConformanceCase[] = casesFrom('json.md', [
  ["SELECT json_extract_scalar('[1, 2, 3]', '$[2]')", '3', 'varchar'],
  [
    'SELECT json_extract_scalar(\'{"store": {"book": [{"author": "Nigel"}]}}\', \'$.store.book[0].author\')',
    'Nigel',
    'varchar',
  ],
  ['SELECT json_extract_scalar(\'{"a": {"b": 1}}\', \'$.a\')', null, 'varchar'],
  ["SELECT json_extract_scalar('{\"a\": true}', '$.a')", 'true', 'varchar'],
  ["SELECT json_extract_scalar('{\"a\": 1}', '$.missing')", null, 'varchar'],
  ['SELECT json_extract(\'{"a": {"b": 1}}\', \'$.a\')', { b: 1 }, 'json'],
  ["SELECT json_extract('{\"a\": [1, 2]}', '$.a[1]')", 2, 'json'],
  ["SELECT json_array_length('[1, 2, 3]')", 3, 'bigint'],
  ["SELECT json_array_contains('[1, 2, 3]', 2)", true, 'boolean'],
  ["SELECT json_array_contains('[1, 2, 3]', 5)", false, 'boolean'],
  ['SELECT json_array_get(\'["a", [3, 9], "c"]\', 1)', [3, 9], 'json'],
  ["SELECT json_format(JSON '[1, 2, 3]')", '[1,2,3]', 'varchar'],
  ['SELECT json_format(JSON \'{"a": 1, "b": 2}\')', '{"a":1,"b":2}', 'varchar'],
  ['SELECT json_format(JSON \'"abc"\')', '"abc"', 'varchar'],
  ["SELECT json_format(JSON '42')", '42', 'varchar'],
  ["SELECT json_format(JSON 'null')", 'null', 'varchar'],
  ["SELECT json_parse('[1, 2, 3]')", [1, 2, 3], 'json'],
  ['SELECT json_parse(\'"abc"\')', 'abc', 'json'],
  ['SELECT json_format(json_parse(\'{"b": [1, 2]}\'))', '{"b":[1,2]}', 'varchar'],
  ["SELECT is_json_scalar('1')", true, 'boolean'],
  ["SELECT is_json_scalar('[1, 2, 3]')", false, 'boolean'],
  ['SELECT json_size(\'{"x": {"a": 1, "b": 2}}\', \'$.x\')', 2, 'bigint'],
  ["SELECT json_size('{\"x\": [1, 2, 3]}', '$.x')", 3, 'bigint'],
  ["SELECT json_size('{\"x\": 1}', '$.x')", 0, 'bigint'],
]);
