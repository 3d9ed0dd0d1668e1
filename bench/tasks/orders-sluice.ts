// Sluice: the stale-order filter from file to file. Usage: orders-sluice.ts <bytes|fields> <in> <out> <asOf> <maxAgeDays>
// `bytes` is filterStaleOrders as users call it; `fields` decides every row from decoded fields.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { openStaleOrderRun } from '../../packages/transforms/src/orders/filter-stale-orders.js';
import { peakRssMb } from '../rss.js';

const [path, input, output, asOf, maxAgeDays] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
// 256 KiB reads: 1 MiB ones were no faster and left ~45 MB more of spent buffers awaiting GC.
const source = createReadStream(input, { highWaterMark: 256 * 1024 });
let rejectedRows = 0;
const onRejected = () => {
  rejectedRows++;
};
// Each output chunk is written before the next is asked for, so the run may reuse its chunks.
const options = { file: input, asOf, maxAgeDays: Number(maxAgeDays), onRejected, reuseOutput: true };
const run = await openStaleOrderRun(source, options, path === 'bytes');
const fd = openSync(output, 'w');
for await (const chunk of run.csv) writeSync(fd, chunk);
closeSync(fd);
const { read, kept, dropped, rejected } = run.report();
console.log(JSON.stringify({ read, kept, dropped, rejected, rejectedRows, peakRssMb: peakRssMb() }));
