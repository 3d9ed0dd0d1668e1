import type { Rejection } from '@sluice/core';
import { RunTally } from '@sluice/core';
import { RunNotFinishedError } from './errors.js';
import { asBuffer, readHead } from './fast-path-head.js';
import { OutputBatcher } from './fast-path-output.js';
import { GeneralRecordReader } from './fast-path-reader.js';
import { OrderByteScan } from './fast-path-scan.js';
import type { FilterStaleOrdersOptions, StaleOrderRun } from './filter-stale-orders.js';
import { filterStaleOrders } from './filter-stale-orders.js';
import { findOrderColumns } from './order-columns.js';
import { staleOrderRule } from './stale-order-rule.js';

/**
 * {@link filterStaleOrders} over bytes, for large files: the same kept bytes, report and
 * rejections (with their lines), several times faster. Simple lines are decided from the bytes of
 * their status and date fields and copied out as bytes; quoted, ragged, oversized or non-UTF-8
 * records, and dates in other layouts, go through the general reader and rule. With
 * `encoding: 'windows-1252'` or a non-ASCII delimiter it simply runs {@link filterStaleOrders}.
 *
 * @example
 * const run = await filterStaleOrdersFast(createReadStream('orders.csv', { highWaterMark: 1 << 20 }), {
 *   file: 'orders.csv',
 *   asOf: '2025-06-30',
 * });
 * await pipeline(Readable.from(run.csv), createWriteStream('processed.csv'));
 * console.log(run.report()); // { read: 1000000, kept: 739421, dropped: { stale: 260579 }, ... }
 */
export async function filterStaleOrdersFast(
  input: AsyncIterable<Uint8Array | string>,
  options: FilterStaleOrdersOptions = {},
): Promise<StaleOrderRun> {
  const rule = staleOrderRule(options);
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  if (options.encoding === 'windows-1252' || delimiter > 0x7f) return filterStaleOrders(input, options);
  const file = options.file ?? 'input.csv';
  const reader = new GeneralRecordReader({
    file,
    keepRaw: true,
    encoding: options.encoding ?? 'auto',
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
  });
  const chunks = input[Symbol.asyncIterator]();
  const head = await readHead(chunks, reader, delimiter);
  const source = await reader.source;
  const columns = findOrderColumns(source.header, file, options.columns);
  const tally = new RunTally(options.now ? { now: options.now } : {});
  const rejections: Rejection[] = [];
  const output = new OutputBatcher();
  reader.reached(head.nextLine);
  const scan = new OrderByteScan({
    ...{ file, rule, header: source.header, columns, delimiter, tally, reader, output },
    lineTerminator: source.lineTerminator,
    firstLine: head.nextLine,
    reject: options.onRejected ?? ((rejection) => rejections.push(rejection)),
  });
  let finished = false;
  const csv = async function* (): AsyncGenerator<Uint8Array> {
    output.write(Buffer.from(`${head.bom ? '\uFEFF' : ''}${source.headerRaw}${source.lineTerminator}`));
    if (head.rest.length > 0) await scan.push(head.rest);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      await scan.push(asBuffer(next.value));
      yield* output.take();
    }
    await scan.finish();
    yield* output.take(true);
    finished = true;
  };
  return {
    header: source.header,
    csv: csv(),
    rejections,
    report: () => {
      if (!finished) throw new RunNotFinishedError(file);
      return tally.report();
    },
  };
}
