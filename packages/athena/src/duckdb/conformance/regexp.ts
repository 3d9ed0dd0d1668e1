import { type ConformanceCase, casesFrom } from './conformance-case.js';

// regexp.md: Java pattern syntax; regexp_replace replaces every match and refers to groups as `$g`;
// regexp_extract gives the whole match by default and NULL when nothing matches.
export const regexp: ConformanceCase[] = casesFrom('regexp.md', [
  ["SELECT regexp_count('1a 2b 14m', '\\s*[a-z]+\\s*')", 3, 'bigint'],
  ["SELECT regexp_extract_all('1a 2b 14m', '\\d+')", ['1', '2', '14'], 'array(varchar)'],
  ["SELECT regexp_extract_all('1a 2b 14m', '(\\d+)([a-z]+)', 2)", ['a', 'b', 'm'], 'array(varchar)'],
  ["SELECT regexp_extract('1a 2b 14m', '\\d+')", '1', 'varchar'],
  ["SELECT regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)", 'a', 'varchar'],
  ["SELECT regexp_extract('abc', '\\d+')", null, 'varchar'],
  ["SELECT regexp_extract('2023-05-01', '(\\d+)-(\\d+)', 1)", '2023', 'varchar'],
  ["SELECT regexp_like('1a 2b 14m', '\\d+b')", true, 'boolean'],
  ["SELECT regexp_like('abc', '^ABC$')", false, 'boolean'],
  ["SELECT regexp_like('abc', '(?i)^ABC$')", true, 'boolean'],
  ["SELECT regexp_like('abc', 'a(?=b)')", true, 'boolean'],
  ["SELECT regexp_position('I have 23 apples, 5 pears and 13 oranges', '\\b\\d+\\b')", 8, 'integer'],
  ["SELECT regexp_replace('1a 2b 14m', '\\d+[ab] ')", '14m', 'varchar'],
  ["SELECT regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')", '3ca 3cb 14m', 'varchar'],
  ["SELECT regexp_replace('a-b-c', '-', '')", 'abc', 'varchar'],
  ["SELECT regexp_replace('abc', 'b', '$0$0')", 'abbc', 'varchar'],
  ["SELECT regexp_replace('abc', 'b', '\\$')", 'a$c', 'varchar'],
  ["SELECT regexp_replace('a.b', '\\.', '\\\\')", 'a\\b', 'varchar'],
  ["SELECT regexp_replace('2020-05-11', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')", '11/05/2020', 'varchar'],
  [
    "SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2]))",
    'New York',
    'varchar',
  ],
  ["SELECT regexp_split('1a 2b 14m', '\\s*[a-z]+\\s*')", ['1', '2', '14', ''], 'array(varchar)'],
]);
