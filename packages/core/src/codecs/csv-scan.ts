import * as z from 'zod/mini';
import type { Rejection } from '../outcome/outcome.js';
import type { RunReport } from '../outcome/report.js';
import { findColumn } from './csv-columns.js';
import { decodeBytes } from './csv-fields.js';
import { type CsvInput, openCsvBytes } from './csv-input.js';
import type { CsvRecord } from './csv-line.js';
import { type CsvRules, CsvRun, type CsvRunOptions } from './csv-run.js';
import { CsvScanner, type CsvScanSettings } from './csv-scanner.js';
import { CodecOptionsError, CsvHeaderError, CsvRunNotFinishedError } from './errors.js';
import type { TextEncodingName } from './text-decoding.js';

/** How a CSV file is read. */
export interface CsvReadOptions {
  /** Name used in positions and messages (default `'input'`). */
  file?: string;
  /** One ASCII character other than a quote, CR or LF (default `','`). */
  delimiter?: string;
  /**
   * How values are decoded (default `'auto'`: UTF-8 where valid, stray bytes as Windows-1252).
   * Kept records are copied as bytes whatever the encoding. UTF-16 with a byte-order mark is
   * transcoded to UTF-8.
   */
  encoding?: TextEncodingName;
  /** Trim spaces around header names (default true; real exports have `" Purchase_Amount "`). */
  trimHeaders?: boolean;
  /**
   * Longest record in bytes (default 1 MiB). A longer one is rejected (`record-too-large`, or
   * `unterminated-quote` when a quote is open) and reading resumes at the next physical line.
   */
  maxRecordBytes?: number;
  /** Clock of the run report. */
  now?: () => number;
}

/** The line terminators a CSV file may use; the header's is reported. */
export type CsvLineTerminator = '\n' | '\r\n' | '\r';

const MiB = 1024 * 1024;
const optionsSchema = z.object({
  file: z.optional(z.string()),
  delimiter: z.optional(
    z.string().check(
      z.length(1),
      z.refine((d) => d.charCodeAt(0) < 0x80, 'must be an ASCII character'),
      z.refine((d) => d !== '"' && d !== '\r' && d !== '\n', 'cannot be a quote, CR or LF'),
    ),
  ),
  encoding: z.optional(z.enum(['utf-8', 'windows-1252', 'auto'])),
  trimHeaders: z.optional(z.boolean()),
  maxRecordBytes: z.optional(z.int().check(z.positive())),
});

/**
 * An open CSV file, read up to its header. `run` then reads the records, once, through a
 * transform's {@link CsvRules}: every record ends kept, dropped or rejected, every physical line
 * is counted, kept records can be copied out byte for byte, and rejections stream out as they
 * happen, so memory stays bounded by one chunk and one record whatever the input holds.
 *
 * @example
 * const scan = await openCsvScan(createReadStream('orders.csv'), { file: 'orders.csv' });
 * const status = scan.column(['status', 'orderstatus']);
 * const kept = scan.run(
 *   { record: (r) => (r.fields[status] === 'pending' ? { drop: 'pending' } : 'keep') },
 *   { output: true, onRejected: (rejection) => quarantine.write(rejection) },
 * );
 * await pipeline(Readable.from(kept), createWriteStream('kept.csv'));
 * scan.report(); // { read: 9, kept: 7, dropped: { pending: 2 }, rejected: {}, lines: 10, ... }
 */
export class CsvScan {
  /** Header names (trimmed unless `trimHeaders` is false); empty for an empty input. */
  header: string[] = [];
  /** The header's exact text (no BOM, no terminator). */
  headerRaw = '';
  /** The header's line terminator (`'\n'` when the header is the last line). */
  lineTerminator: CsvLineTerminator = '\n';
  /** The input began with a byte-order mark (kept output begins with a UTF-8 one). */
  bom = false;
  /** The physical lines the header spans, `[first, last]` (`[0, 0]` for an empty input). */
  headerLines: [number, number] = [0, 0];
  readonly file: string;
  readonly #run: CsvRun;
  readonly #scanner: CsvScanner;
  #chunks: AsyncIterator<Buffer> | undefined;
  #headerBytes = Buffer.alloc(0);
  #ended = false;
  #state: 'ready' | 'running' | 'finished' = 'ready';

  /** Use {@link openCsvScan}. */
  constructor(
    settings: CsvScanSettings,
    private readonly trimHeaders: boolean,
    now?: () => number,
  ) {
    this.file = settings.file;
    this.#run = new CsvRun(settings, now);
    this.#run.onHeader = (record, bytes, start, end, next) =>
      this.#takeHeader(record, bytes, start, end, next);
    this.#scanner = new CsvScanner(settings, this.#run);
  }

  /** Reads until the header is known (or the input ends). */
  async open(input: CsvInput): Promise<this> {
    const bytes = await openCsvBytes(input, this.file);
    this.bom = bytes.bom;
    this.#chunks = bytes.chunks;
    this.#run.start({ record: () => 'keep' }, { onRejected: (rejection) => this.#badHeader(rejection) });
    while (this.header.length === 0 && !this.#ended) await this.#readChunk();
    return this;
  }

  /**
   * Index of the column whose normalised name (case, spaces, `_`, `-` ignored) is the first of
   * `candidates` found; -1 when none is. Two columns with that name are an error naming both.
   */
  column(candidates: readonly string[]): number {
    return findColumn(this.header, candidates, this.file);
  }

  /**
   * Reads every record through `rules`. Yields the output (header and kept records, byte for byte,
   * after a UTF-8 byte-order mark if the input had one) when `options.output` is set; read it to
   * the end either way, since reading the output is what drives the run.
   */
  async *run(rules: CsvRules, options: CsvRunOptions): AsyncGenerator<Buffer> {
    this.start(rules, options);
    try {
      yield* this.#run.output.take();
      for (let more = true; more; ) {
        more = await this.step();
        await options.afterChunk?.();
        yield* this.#run.output.take(!more);
      }
    } finally {
      await this.close();
    }
  }

  /** Begins a run without driving it: {@link step} reads on (for readers built on this one). */
  start(rules: CsvRules, options: CsvRunOptions): void {
    if (this.#state !== 'ready') throw new CodecOptionsError(`${this.file} is already being read`);
    this.#state = 'running';
    this.#run.begin(rules, options);
    if (options.output) {
      if (this.bom) this.#run.output.write(Buffer.from([0xef, 0xbb, 0xbf]));
      this.#run.output.write(this.#headerBytes);
    }
    this.#scanner.resume();
  }

  /** Reads the next chunk through the rules; false once the input has ended (the run is finished). */
  async step(): Promise<boolean> {
    if (!this.#ended) await this.#readChunk();
    if (this.#ended) this.#state = 'finished';
    return !this.#ended;
  }

  /** Releases the input when a run stops early. */
  async close(): Promise<void> {
    if (!this.#ended) await this.#chunks?.return?.();
  }

  /**
   * What `read` returns, the input released first if it throws: for what a transform reads from the
   * header before its run (its columns), so a refused file leaves no input open.
   *
   * @example const columns = await scan.closedOnError(() => headerColumns(scan.header, SPEC, scan.file));
   */
  async closedOnError<T>(read: () => T): Promise<T> {
    try {
      return read();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Runs `rules` over every record when no output is needed; resolves to the report. */
  async drain(rules: CsvRules, options: Omit<CsvRunOptions, 'output'>): Promise<RunReport> {
    for await (const _ of this.run(rules, options)) {
      // nothing to write: the rules hold what the run produced
    }
    return this.report();
  }

  /** The run's accounting, with `lines`; throws until the run has read the input to its end. */
  report(): RunReport {
    if (this.#state !== 'finished') throw new CsvRunNotFinishedError(this.file);
    this.#run.tally.countLines(this.#scanner.lines);
    return this.#run.tally.report();
  }

  async #readChunk(): Promise<void> {
    const next = await (this.#chunks as AsyncIterator<Buffer>).next();
    if (next.done) {
      this.#ended = true;
      this.#scanner.finish();
    } else this.#scanner.feed(next.value);
  }

  #takeHeader(record: CsvRecord, bytes: Buffer, start: number, end: number, next: number): void {
    this.header = this.trimHeaders ? record.fields.map((name) => name.trim()) : record.fields;
    this.headerLines = [record.line, record.endLine];
    this.headerRaw = decodeBytes(bytes, start, end, this.#run.settings.encoding);
    this.#headerBytes = Buffer.from(bytes.subarray(start, next));
    const terminator = bytes.toString('latin1', end, next);
    if (terminator === '\r\n' || terminator === '\r') this.lineTerminator = terminator;
  }

  #badHeader(rejection: Rejection): never {
    const line = rejection.position?.kind === 'file' ? rejection.position.line : 1;
    throw new CsvHeaderError(`cannot read the header of ${this.file}: ${rejection.message}`, this.file, line);
  }
}

/**
 * Opens a CSV file for a run: checks the options, notes a byte-order mark, reads the header.
 *
 * @example
 * const scan = await openCsvScan(await store.get('raw/orders.csv'), { file: 'raw/orders.csv' });
 */
export async function openCsvScan(input: CsvInput, options: CsvReadOptions = {}): Promise<CsvScan> {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CodecOptionsError(`invalid CSV options: ${problems.join('; ')}`);
  }
  const settings: CsvScanSettings = {
    file: options.file ?? 'input',
    delimiter: (options.delimiter ?? ',').charCodeAt(0),
    encoding: options.encoding ?? 'auto',
    maxRecordBytes: options.maxRecordBytes ?? MiB,
  };
  return new CsvScan(settings, options.trimHeaders !== false, options.now).open(input);
}
