/** Options every generator takes. */
export interface DatasetOptions {
  /** Data rows to produce (the header, if any, is extra). */
  rows: number;
  /** PRNG seed; the same seed gives the same bytes. Default 42. */
  seed?: number;
  /** Share of dirty rows in [0, 1]: bad dates, bad amounts, ragged lines, invalid JSON… Default 0.02. */
  dirty?: number;
}

/** A generated line, terminator included: text, or bytes where a dataset needs raw encodings. */
export type Line = string | Uint8Array;

export function resolve(options: DatasetOptions): Required<DatasetOptions> {
  if (!Number.isInteger(options.rows) || options.rows < 0)
    throw new RangeError(`rows must be a whole number ≥ 0, got ${options.rows}`);
  const dirty = options.dirty ?? 0.02;
  if (!(dirty >= 0 && dirty <= 1)) throw new RangeError(`dirty must be within [0, 1], got ${dirty}`);
  return { rows: options.rows, seed: options.seed ?? 42, dirty };
}
