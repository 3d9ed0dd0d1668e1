import { type ConformanceCase, casesFrom } from './conformance-case.js';

const FROM = "FROM (VALUES ('a', 10), ('a', 20), ('b', 20), ('b', 30)) AS t(g, x)";
const over = (fn: string, window = 'ORDER BY x, g') => `SELECT ${fn} OVER (${window}) ${FROM} ORDER BY x, g`;

// window.md: ranking functions are bigint, lag/lead default to NULL outside the partition, aggregates
// over an ordered window are running totals over peers.
export const windows: ConformanceCase[] = casesFrom(
  'window.md',
  [
    [over('row_number()'), [1, 2, 3, 4], 'bigint'],
    [over('rank()', 'ORDER BY x'), [1, 2, 2, 4], 'bigint'],
    [over('dense_rank()', 'ORDER BY x'), [1, 2, 2, 3], 'bigint'],
    [over('percent_rank()', 'ORDER BY x'), [0, 1 / 3, 1 / 3, 1], 'double'],
    [over('cume_dist()', 'ORDER BY x'), [0.25, 0.75, 0.75, 1], 'double'],
    [over('ntile(3)'), [1, 1, 2, 3], 'bigint'],
    [over('row_number()', 'PARTITION BY g ORDER BY x'), [1, 2, 1, 2], 'bigint'],
    [over('lag(x)'), [null, 10, 20, 20], 'integer'],
    [over('lag(x, 2, 0)'), [0, 0, 10, 20], 'integer'],
    [over('lead(x)'), [20, 20, 30, null], 'integer'],
    [over('lead(x, 1, -1)', 'PARTITION BY g ORDER BY x'), [20, -1, 30, -1], 'integer'],
    [over('first_value(x)', 'PARTITION BY g ORDER BY x'), [10, 10, 20, 20], 'integer'],
    [over('last_value(x)', 'PARTITION BY g ORDER BY x'), [10, 20, 20, 30], 'integer'],
    [
      over('nth_value(x, 2)', 'ORDER BY x, g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING'),
      [20, 20, 20, 20],
      'integer',
    ],
    [over('sum(x)', 'ORDER BY x'), [10, 50, 50, 80], 'bigint'],
    [over('sum(x)', 'PARTITION BY g'), [30, 30, 50, 50], 'bigint'],
    [over('avg(x)', 'PARTITION BY g'), [15, 15, 25, 25], 'double'],
    [over('count(*)', ''), [4, 4, 4, 4], 'bigint'],
    [over('max(x)', 'PARTITION BY g'), [20, 20, 30, 30], 'integer'],
  ],
  { perRow: true },
);
