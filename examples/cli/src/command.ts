/** One `sluice` sub-command. `run` returns the JSON object printed on the last line of stdout. */
export interface Command {
  name: string;
  usage: string;
  run(argv: string[]): Promise<Record<string, unknown>>;
}
