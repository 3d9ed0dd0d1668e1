// The decisions of a CSV run: every record kept, dropped or rejected, counted, and its bytes copied when kept.
import type { Rejection, SourcePosition } from '../outcome/outcome.js';
import { RunTally } from '../outcome/report.js';
import { ByteBatcher } from './byte-batcher.js';
import { decodeBytes } from './csv-fields.js';
import type { CsvLine, CsvRecord } from './csv-line.js';
import type { CsvScanHandler, CsvScanSettings } from './csv-scanner.js';

/** A record removed by a business rule, with the reason counted in the report. */
export interface CsvDrop {
  readonly drop: string;
}

/** A record that fails a rule's checks: quarantined with its file, line and the reason. */
export interface CsvReject {
  readonly reject: string;
  /** What is wrong, without the position (the reader adds `file:line:`). */
  readonly message: string;
  /** The header name of the offending column, when one is to blame. */
  readonly column?: string;
}

/** What a rule says about a decoded record. */
export type CsvVerdict = 'keep' | CsvDrop | CsvReject;
/** What a byte rule says about a record without quotes; `'parse'` hands it to the record rule. */
export type CsvLineVerdict = 'keep' | 'parse' | CsvDrop;

/**
 * A transform's decisions. `record` decides any record from its decoded fields; `line`, when
 * given, decides the common case (no quotes) from bytes and may answer `'parse'` whenever the
 * bytes do not suffice, so both must give the same answer for the same record.
 */
export interface CsvRules {
  line?(line: CsvLine): CsvLineVerdict;
  record(record: CsvRecord): CsvVerdict;
}

/** How a run reports what it decides. */
export interface CsvRunOptions {
  /** Receives each rejection as it happens (rejections are never collected by the reader). */
  onRejected(rejection: Rejection): void;
  /** Copy the header and every kept record, byte for byte, to the run's output (default false). */
  output?: boolean;
  /**
   * Output chunks are written over once the consumer asks for the next one (default false): for a
   * consumer that is done with each chunk first (a file written synchronously); memory then holds
   * a few chunks instead of every spent one until the garbage collector runs.
   */
  reuseOutput?: boolean;
  /** Records handed to `record` carry their exact text in `raw` (default false). */
  keepRaw?: boolean;
  /**
   * Runs after each input chunk is read (and before the next one is): where a caller hands what
   * the rules collected (rejections, column batches) to slower writers, waiting for them.
   */
  afterChunk?(): void | Promise<void>;
  /** Sees the lines of every record and its outcome (for checks that every line is accounted for). */
  onSpan?(line: number, endLine: number, outcome: 'kept' | 'dropped' | 'rejected'): void;
}

const BLANK: CsvDrop = { drop: 'blank-line' };

/** Applies rules to what the scanner finds; the scanner calls it back in input order. */
export class CsvRun implements CsvScanHandler {
  readonly tally: RunTally;
  readonly output = new ByteBatcher();
  #rules: CsvRules = { record: () => 'keep' };
  #options: CsvRunOptions = { onRejected: () => undefined };
  // Read once per record: kept in fields of their own rather than looked up in the options each time.
  #lineRule: CsvRules['line'];
  #output = false;
  #onSpan: CsvRunOptions['onSpan'];
  #runStart = 0; // kept bytes of the current buffer not yet copied: [runStart, runEnd)
  #runEnd = -1;
  #bytes: Buffer | undefined;
  onHeader: (record: CsvRecord, bytes: Buffer, start: number, end: number, next: number) => void = () => {};

  constructor(
    readonly settings: CsvScanSettings,
    now?: () => number,
  ) {
    this.tally = new RunTally(now ? { now } : {});
  }

  /** Blank lines met before the header, counted once the run's options are known. */
  #blanksBeforeHeader: number[] | undefined = [];

  start(rules: CsvRules, options: CsvRunOptions): void {
    this.#rules = rules;
    this.#lineRule = rules.line?.bind(rules);
    this.#options = options;
    this.#output = options.output === true;
    this.#onSpan = options.onSpan?.bind(options);
    this.output.reuse = options.reuseOutput === true;
  }

  /** The header is read and the run begins: blank lines before it are accounted for now. */
  begin(rules: CsvRules, options: CsvRunOptions): void {
    this.start(rules, options);
    for (const line of this.#blanksBeforeHeader ?? []) this.#count(BLANK, line, line);
    this.#blanksBeforeHeader = undefined;
  }

  header(record: CsvRecord, bytes: Buffer, start: number, end: number, next: number): void {
    this.onHeader(record, bytes, start, end, next);
  }

  line(line: CsvLine, next: number): void {
    const verdict = this.#lineRule ? this.#lineRule(line) : 'parse';
    if (verdict === 'parse') {
      const record = line.toRecord();
      if (this.#options.keepRaw) record.raw = line.text();
      this.#apply(this.#rules.record(record), record, line.bytes, line.start, line.end, next);
    } else this.#count(verdict, line.line, line.line, line.bytes, line.start, next);
  }

  record(record: CsvRecord, bytes: Buffer, start: number, end: number, next: number): void {
    if (this.#options.keepRaw) record.raw = decodeBytes(bytes, start, end, this.settings.encoding);
    this.#apply(this.#rules.record(record), record, bytes, start, end, next);
  }

  blank(line: number): void {
    if (this.#blanksBeforeHeader) this.#blanksBeforeHeader.push(line);
    else this.#count(BLANK, line, line);
  }

  rejected(rejection: Rejection): void {
    this.tally.reject(rejection.reason);
    const line = rejection.position?.kind === 'file' ? rejection.position.line : 0;
    this.#onSpan?.(line, line, 'rejected');
    this.#options.onRejected(rejection);
  }

  release(bytes: Buffer, upTo: number): void {
    if (this.#bytes === bytes && this.#runEnd > this.#runStart && this.#runEnd <= upTo) {
      this.output.copy(bytes, this.#runStart, this.#runEnd);
    }
    this.#runEnd = -1;
  }

  #apply(
    verdict: CsvVerdict,
    record: CsvRecord,
    bytes: Buffer,
    start: number,
    end: number,
    next: number,
  ): void {
    if (verdict === 'keep' || 'drop' in verdict) {
      this.#count(verdict, record.line, record.endLine, bytes, start, next);
      return;
    }
    const { file, encoding } = this.settings;
    const position: SourcePosition = { kind: 'file', file, line: record.line };
    if (record.endLine > record.line) position.endLine = record.endLine;
    if (verdict.column !== undefined) position.column = verdict.column;
    const raw = record.raw ?? decodeBytes(bytes, start, end, encoding);
    const message = `${file}:${record.line}: ${verdict.message}`;
    this.tally.reject(verdict.reject);
    this.#onSpan?.(record.line, record.endLine, 'rejected');
    this.#options.onRejected({ reason: verdict.reject, message, position, raw });
  }

  #count(
    verdict: 'keep' | CsvDrop,
    line: number,
    endLine: number,
    bytes?: Buffer,
    start = 0,
    next = 0,
  ): void {
    if (verdict !== 'keep') {
      this.tally.drop(verdict.drop);
      this.#onSpan?.(line, endLine, 'dropped');
      return;
    }
    this.tally.keep();
    this.#onSpan?.(line, endLine, 'kept');
    if (this.#output && bytes) this.#copy(bytes, start, next);
  }

  /** Extends the run of kept bytes, or copies the run so far and starts another. */
  #copy(bytes: Buffer, start: number, next: number): void {
    if (this.#bytes === bytes && this.#runEnd === start) {
      this.#runEnd = next;
      return;
    }
    if (this.#bytes && this.#runEnd > this.#runStart)
      this.output.copy(this.#bytes, this.#runStart, this.#runEnd);
    this.#bytes = bytes;
    this.#runStart = start;
    this.#runEnd = next;
  }
}
