/** Where a command writes: stdout carries only the final JSON line; everything human goes to stderr. */
export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** One `--name` option of a command, as the parser reads it and as `--help` explains it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** What the value looks like in usage lines: `FILE`, `N`, `YYYY-MM-DD`. */
  value?: string;
  required?: boolean;
  /** The value the command gets when the option is absent. */
  default?: string;
  /** A default the command works out from other options, as help states it. */
  defaultText?: string;
  description: string;
}

/** The parsed command line a command runs with; absent options hold their `default`. */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** What a command does; it returns the JSON object printed on the last line of stdout. */
export type CommandRun = (args: ParsedArgs, io: Io) => Promise<Record<string, unknown>>;

/**
 * One `sluice` sub-command as the CLI knows it before loading it: its words, options and help.
 * `load` imports the implementation, so `sluice --help` or one command never loads the others.
 */
export interface Command {
  name: string;
  summary: string;
  /** A positional argument (`generate <dataset>`) and the values it takes. */
  positional?: { name: string; choices: readonly string[] };
  options: Record<string, OptionSpec>;
  /** Paragraphs printed after the options. */
  notes?: readonly string[];
  load(): Promise<CommandRun>;
}
