import { GeneralRecordHandoff } from '../orders/fast-path-handoff.js';
import type { GeneralRecordReader } from '../orders/fast-path-reader.js';
import { CR, LF, QUOTE } from '../orders/fast-path-records.js';
import { numericKeyInBytes } from './counter-key.js';
import { type EventLayout, isPlainKey, scanFields } from './csv-fast-path-fields.js';
import type { BotCsvRun } from './csv-fast-path-run.js';
import { EventTimeReader } from './csv-fast-path-time.js';

/** Lines longer than this go to the general reader, so its field and record limits stay its own. */
const LONGEST_SIMPLE_LINE = 64 * 1024;

/** What the scan needs: the layout (undefined: every record is general), the reader, the run. */
export interface BotScanContext {
  layout: EventLayout | undefined;
  delimiter: number;
  /** Line of the first record after the header. */
  firstLine: number;
  reader: GeneralRecordReader;
  run: BotCsvRun;
}

/**
 * Bot detection over bytes. A simple line (no quote, the header's field count, every field the
 * schema checks plainly valid, an ASCII key) becomes a (key, time) pair for the window counter
 * with no string but the interned key. Any other record goes to the general reader and
 * `readBotEvent`, in file order, so counts, rejections and their lines are those of `detectBots`.
 */
export class BotByteScan {
  readonly #context: BotScanContext;
  readonly #handoff: GeneralRecordHandoff;
  readonly #times = new EventTimeReader();
  /** Field starts of the line being decided, reused so that no line allocates. */
  readonly #starts: Int32Array;
  #line: number;
  #carry: Buffer | undefined;

  constructor(context: BotScanContext) {
    this.#context = context;
    this.#handoff = new GeneralRecordHandoff(context.reader, context.delimiter);
    this.#starts = new Int32Array((context.layout?.kinds.length ?? 0) + 1);
    this.#line = context.firstLine;
  }

  /** Scans the next piece of input; a line cut at its end waits for the next piece. */
  async push(chunk: Buffer): Promise<void> {
    const carry = this.#carry;
    const lf = carry ? chunk.indexOf(LF) : -1;
    if (carry === undefined) return this.#scan(chunk);
    this.#carry = undefined;
    if (lf < 0) return this.#scan(Buffer.concat([carry, chunk]));
    // Only the cut line is copied, not the whole chunk.
    await this.#scan(Buffer.concat([carry, chunk.subarray(0, lf + 1)]));
    await this.#scan(chunk.subarray(lf + 1));
  }

  async #scan(bytes: Buffer): Promise<void> {
    let pos = 0;
    while (pos < bytes.length) {
      if (this.#handoff.active) pos = await this.#continueGeneral(bytes, pos);
      else pos = this.#scanLines(bytes, pos);
      if (pos < 0) pos = await this.#startGeneral(bytes, -pos - 1);
    }
  }

  /** Ends the input: reads a last line that has no terminator. */
  async finish(): Promise<void> {
    const carry = this.#carry;
    this.#carry = undefined;
    if (carry && !this.#handoff.active && !this.#decideLine(carry, 0, carry.length)) {
      await this.#startGeneral(carry, 0);
    }
    if (this.#handoff.active) {
      this.#context.reader.end();
      await this.#settleGeneral();
    }
  }

  /**
   * Decides whole simple lines from `from`; returns where it stopped: the input's end, or
   * `-(start + 1)` for a record the general reader must read. A cut last line is carried.
   */
  #scanLines(bytes: Buffer, from: number): number {
    const quote = bytes.indexOf(QUOTE, from);
    const nextQuote = quote < 0 ? bytes.length : quote;
    for (let pos = from; ; ) {
      const lf = bytes.indexOf(LF, pos);
      if (lf < 0) return this.#cutLine(bytes, pos, nextQuote);
      if (nextQuote < lf || lf - pos > LONGEST_SIMPLE_LINE || !this.#decideLine(bytes, pos, lf)) {
        return -pos - 1;
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

  /** Counts the line `bytes[start, lf)` (lf may be the input's end); false if the schema must read it. */
  #decideLine(bytes: Buffer, start: number, lf: number): boolean {
    const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
    if (end === start) return true; // a blank line is not a record
    const layout = this.#context.layout;
    const at = this.#starts;
    if (layout === undefined || !scanFields(bytes, start, end, this.#context.delimiter, layout.kinds, at)) {
      return false;
    }
    const timeAt = at[layout.time] as number;
    const time = this.#times.read(bytes, timeAt, timeAt + 23);
    if (Number.isNaN(time)) return false;
    if (layout.key < 0) {
      this.#context.run.count(undefined, time);
      return true;
    }
    const keyAt = at[layout.key] as number;
    const keyEnd = (at[layout.key + 1] as number) - 1;
    const id = numericKeyInBytes(bytes, keyAt, keyEnd);
    if (id >= 0) this.#context.run.count(id, time);
    else if (!isPlainKey(bytes, keyAt, keyEnd, layout.kinds[layout.key] as number)) return false;
    // Other keys: a fresh short string per event, cheaper than a table of known keys (see the README).
    else this.#context.run.count(keyAt === keyEnd ? '' : bytes.toString('latin1', keyAt, keyEnd), time);
    return true;
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
    this.#context.run.read(await settled.outcome());
  }
}
