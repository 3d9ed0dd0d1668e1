import { isUtf8 } from 'node:buffer';
import type { Rejection, RunTally } from '@sluice/core';
import type { LineShape } from './fast-path-fields.js';
import {
  asciiTrim,
  DATE,
  findFields,
  isAscii,
  isoDay,
  lowerAscii,
  SPANS,
  STATUS,
  TRIMMED_STATUS,
} from './fast-path-fields.js';
import { GeneralRecordHandoff } from './fast-path-handoff.js';
import type { OutputBatcher } from './fast-path-output.js';
import type { GeneralRecordReader } from './fast-path-reader.js';
import { CR, LF, QUOTE } from './fast-path-records.js';
import type { OrderColumns } from './order-columns.js';
import type { StaleOrderRule } from './stale-order-rule.js';
import { classifyOrder } from './stale-order-rule.js';

/** Lines longer than this go to the general reader, so field and record size limits stay its own. */
const LONGEST_SIMPLE_LINE = 64 * 1024;
const KEPT = 0;
const SKIPPED = 1; // dropped, rejected or blank: already accounted for
const GENERAL = 2; // the byte scan cannot decide: the general reader reads it

/** What the scan needs from the run: the resolved rule, the header and where outcomes go. */
export interface ScanContext {
  file: string;
  rule: StaleOrderRule;
  header: readonly string[];
  columns: OrderColumns;
  delimiter: number;
  lineTerminator: '\n' | '\r\n';
  /** Line of the first record after the header. */
  firstLine: number;
  tally: RunTally;
  reject: (rejection: Rejection) => void;
  reader: GeneralRecordReader;
  output: OutputBatcher;
}

/**
 * The stale-order rule over bytes. A simple line (no quote, valid UTF-8, the header's field
 * count) is decided from its two fields' bytes and, when kept, copied as bytes: consecutive kept
 * lines leave in one copy. Any other record goes to the general reader and the general rule,
 * so outcomes, rejections and output bytes are those of `filterStaleOrders`.
 */
export class OrderByteScan {
  readonly #context: ScanContext;
  readonly #handoff: GeneralRecordHandoff;
  readonly #terminator: Buffer;
  readonly #staleStatuses: Uint8Array[];
  readonly #isoDates: boolean;
  readonly #shape: LineShape;
  #line: number;
  #carry: Buffer | undefined;
  #kept = 0;
  #stale = 0;
  /** Byte ranges of the line being decided, reused so that no line allocates. */
  readonly #spans = new Int32Array(SPANS);

  constructor(context: ScanContext) {
    this.#context = context;
    this.#handoff = new GeneralRecordHandoff(context.reader, context.delimiter);
    this.#terminator = Buffer.from(context.lineTerminator);
    this.#staleStatuses = [...context.rule.staleStatuses].filter(isAscii).map((s) => Buffer.from(s));
    this.#isoDates = context.rule.dateFormats.includes('YYYY-MM-DD');
    this.#line = context.firstLine;
    this.#shape = {
      delimiter: context.delimiter,
      columns: context.columns,
      fieldCount: context.header.length,
    };
  }

  /** Scans the next piece of input; a line cut at its end waits for the next piece. */
  async push(chunk: Buffer): Promise<void> {
    const bytes = this.#carry ? Buffer.concat([this.#carry, chunk]) : chunk;
    this.#carry = undefined;
    const lastLineFeed = bytes.lastIndexOf(LF);
    const checkEachLine = !isUtf8(bytes.subarray(0, lastLineFeed + 1));
    let pos = 0;
    while (pos < bytes.length) {
      if (this.#handoff.active) pos = await this.#continueGeneral(bytes, pos);
      else pos = this.#scanLines(bytes, pos, checkEachLine);
      if (pos < 0) pos = await this.#startGeneral(bytes, -pos - 1);
    }
  }

  /** Ends the input: reads a last line that has no terminator, and settles the counts. */
  async finish(): Promise<void> {
    const carry = this.#carry;
    this.#carry = undefined;
    if (carry && !this.#handoff.active) {
      const verdict = isUtf8(carry) ? this.#decideLine(carry, 0, carry.length) : GENERAL;
      if (verdict === KEPT) this.#writeLine(carry, 0, carry.length);
      if (verdict === GENERAL) await this.#startGeneral(carry, 0);
    }
    if (this.#handoff.active) {
      this.#context.reader.end();
      await this.#settleGeneral();
    }
    this.#context.tally.keep(this.#kept);
    if (this.#stale > 0) this.#context.tally.drop('stale', this.#stale);
  }

  /**
   * Decides whole simple lines from `from`; returns where it stopped: the input's end, or
   * `-(start + 1)` for a record the general reader must read. A cut last line is carried.
   */
  #scanLines(bytes: Buffer, from: number, checkEachLine: boolean): number {
    let pos = from;
    let run = from; // start of the kept bytes not yet copied out
    const quote = bytes.indexOf(QUOTE, from);
    const nextQuote = quote < 0 ? bytes.length : quote;
    for (;;) {
      const lf = bytes.indexOf(LF, pos);
      if (lf < 0) {
        this.#flush(bytes, run, pos);
        return this.#cutLine(bytes, pos, nextQuote);
      }
      let verdict = nextQuote < lf || lf - pos > LONGEST_SIMPLE_LINE ? GENERAL : KEPT;
      if (verdict !== GENERAL && checkEachLine && !isUtf8(bytes.subarray(pos, lf))) verdict = GENERAL;
      if (verdict !== GENERAL) verdict = this.#decideLine(bytes, pos, lf);
      if (verdict === GENERAL) {
        this.#flush(bytes, run, pos);
        return -pos - 1;
      }
      if (verdict === SKIPPED || !this.#endsWithTerminator(bytes, pos, lf)) {
        this.#flush(bytes, run, pos);
        if (verdict === KEPT) this.#writeLine(bytes, pos, lf);
        run = lf + 1;
      }
      this.#line++;
      pos = lf + 1;
    }
  }

  #cutLine(bytes: Buffer, pos: number, nextQuote: number): number {
    if (pos >= bytes.length) return pos;
    if (nextQuote < bytes.length || bytes.length - pos > LONGEST_SIMPLE_LINE) return -pos - 1;
    this.#carry = Buffer.from(bytes.subarray(pos));
    return bytes.length;
  }

  #flush(bytes: Buffer, start: number, end: number): void {
    if (end > start) this.#context.output.copy(bytes, start, end);
  }

  /** True when a kept line's own bytes, terminator included, are what the output needs. */
  #endsWithTerminator(bytes: Buffer, start: number, lf: number): boolean {
    const crlf = lf > start && bytes[lf - 1] === CR;
    return crlf === (this.#terminator.length === 2);
  }

  /** Accounts for the line `bytes[start, lf)` (lf may be the input's end): KEPT, SKIPPED or GENERAL. */
  #decideLine(bytes: Buffer, start: number, lf: number): number {
    const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
    if (end === start) return SKIPPED; // a blank line is not a record
    const spans = this.#spans;
    if (!findFields(bytes, start, end, this.#shape, spans)) return GENERAL;
    const day = this.#isoDates ? isoDay(bytes, spans[DATE] as number, spans[DATE + 1] as number) : undefined;
    if (day === undefined || !asciiTrim(bytes, spans)) {
      const text = (at: number) => bytes.toString('utf8', spans[at], spans[at + 1]);
      const raw = () => bytes.toString('utf8', start, end);
      return this.#decideText(text(STATUS), text(DATE), this.#line, raw) ? KEPT : SKIPPED;
    }
    const { asOfDay, maxAgeDays } = this.#context.rule;
    if (asOfDay - day > maxAgeDays && this.#isStaleStatus(bytes, spans)) {
      this.#stale++;
      return SKIPPED;
    }
    this.#kept++;
    return KEPT;
  }

  /** Writes a kept line whose own terminator is not the output's (or that has none). */
  #writeLine(bytes: Buffer, start: number, lf: number): void {
    this.#context.output.copy(bytes, start, lf > start && bytes[lf - 1] === CR ? lf - 1 : lf);
    this.#context.output.write(this.#terminator);
  }

  #isStaleStatus(bytes: Buffer, spans: Int32Array): boolean {
    const start = spans[TRIMMED_STATUS] as number;
    const end = spans[TRIMMED_STATUS + 1] as number;
    for (const stale of this.#staleStatuses) {
      if (stale.length !== end - start) continue;
      let same = true;
      for (let i = 0; same && i < stale.length; i++)
        same = lowerAscii(bytes[start + i] as number) === stale[i];
      if (same) return true;
    }
    return false;
  }

  /** The general rule on decoded text, accounted and rejected exactly as `filterStaleOrders` does. */
  #decideText(status: string, orderDate: string, line: number, raw: () => string): boolean {
    const { tally, rule, header, columns, file, reject } = this.#context;
    const outcome = classifyOrder({ status, orderDate }, rule);
    if (outcome.kind === 'kept') tally.keep();
    else if (outcome.kind === 'dropped') tally.drop(outcome.reason);
    else {
      tally.reject(outcome.reason);
      const column = header[outcome.reason === 'missing-status' ? columns.status : columns.orderDate];
      const position = { kind: 'file' as const, file, line, ...(column ? { column } : {}) };
      const message = `${file}:${line}: column ${column}: ${outcome.message}`;
      const text = raw();
      reject({ reason: outcome.reason, message, position, ...(text ? { raw: text } : {}) });
    }
    return outcome.kind === 'kept';
  }

  async #startGeneral(bytes: Buffer, start: number): Promise<number> {
    await this.#handoff.start(this.#line);
    return this.#continueGeneral(bytes, start);
  }

  /** Feeds the general reader up to the end of its record; returns where the scan resumes. */
  async #continueGeneral(bytes: Buffer, from: number): Promise<number> {
    const end = this.#handoff.feed(bytes, from);
    if (end < 0) return bytes.length;
    await this.#settleGeneral();
    return end;
  }

  async #settleGeneral(): Promise<void> {
    const settled = this.#handoff.settle();
    if (!settled) return;
    this.#line = settled.nextLine;
    const record = await settled.outcome();
    if (!record.ok) {
      this.#context.tally.reject(record.rejection.reason);
      this.#context.reject(record.rejection);
      return;
    }
    const { fields, line, raw = '' } = record.value;
    const { columns, output } = this.#context;
    const keep = this.#decideText(
      fields[columns.status] ?? '',
      fields[columns.orderDate] ?? '',
      line,
      () => raw,
    );
    if (keep) output.write(Buffer.from(raw + this.#context.lineTerminator));
  }
}
