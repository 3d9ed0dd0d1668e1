import type { CaseReport } from '../report.js';

/** What every case gets from the command line. */
export interface BenchSettings {
  /** Base input size; a case may also run a multiple of it (e.g. 4 × for growth). */
  rows: number;
  /** Timed runs per variant, interleaved. */
  runs: number;
}

/** A benchmark case, run by `pnpm bench <name>`. */
export interface BenchCase {
  name: string;
  /** The size the issue asks for, used when --rows is not given. */
  defaultRows: number;
  run(settings: BenchSettings): Promise<CaseReport>;
}
