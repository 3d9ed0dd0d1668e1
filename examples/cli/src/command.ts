/** Where a command writes: stdout carries only the final JSON line; everything human goes to stderr. */
export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** One `sluice` sub-command. `run` returns the JSON object printed on the last line of stdout. */
export interface Command {
  name: string;
  usage: string;
  run(argv: string[], io: Io): Promise<Record<string, unknown>>;
}
