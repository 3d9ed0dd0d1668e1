// Baseline: the stale-order rule as one DuckDB COPY statement. Usage: orders-duckdb.ts <in> <out> <asOf> <maxAgeDays>
import { DuckDBInstance } from '@duckdb/node-api';
import { peakRssMb } from '../rss.js';

const [input, output, asOf, maxAgeDays] = process.argv.slice(2) as [string, string, string, string];
const connection = await (await DuckDBInstance.create(':memory:')).connect();
await connection.run(
  `COPY (
     SELECT * FROM read_csv($input, header = true, auto_detect = false,
       columns = {'OrderID': 'VARCHAR', 'CustomerID': 'VARCHAR', 'OrderDate': 'DATE', 'Status': 'VARCHAR', 'Amount': 'DECIMAL(18,2)'})
     WHERE NOT (lower(trim(Status)) IN ('pending', 'cancelled', 'canceled')
                AND date_diff('day', OrderDate, CAST($asOf AS DATE)) > CAST($maxAge AS INTEGER))
   ) TO '${output.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`,
  { input, asOf, maxAge: maxAgeDays },
);
console.log(JSON.stringify({ peakRssMb: peakRssMb() }));
