import { parseCommandLine } from './args.js';
import type { Command, Io } from './command.js';
import { COMMANDS } from './commands.js';
import { cliMessage, UsageError } from './errors.js';
import { commandHelp, overview, usageLine } from './help.js';

export type { Io } from './command.js';
export { COMMANDS } from './commands.js';

const processIo: Io = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs the CLI: the result is ONE JSON object on the last stdout line; human text goes to stderr.
 * Returns the exit code: 0 ok (and help), 2 bad arguments, 1 anything else, each error one line.
 *
 * @example process.exitCode = await main(['orders', 'filter', '--input', 'orders.csv', …]);
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv.length === 0)
    return usageError(io, 'no command given', `commands: ${Object.keys(COMMANDS).join(', ')}`);
  if (argv[0] === 'help' || HELP_FLAGS.has(argv[0] ?? '')) return help(argv.slice(1), io);
  const { command, rest } = select(argv);
  if (!command) return unknownCommand(argv, io);
  const ownArgs = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : undefined);
  if (ownArgs.some((arg) => HELP_FLAGS.has(arg))) return print(io, commandHelp(command));
  try {
    const args = parseCommandLine(command, rest);
    const run = await command.load();
    io.stdout(JSON.stringify(await run(args, io)));
    return 0;
  } catch (error) {
    if (error instanceof UsageError)
      return usageError(io, error.message, `usage: ${usageLine(command)} (sluice help ${command.name})`);
    io.stderr(`sluice: ${cliMessage(error)}`);
    return 1;
  }
}

function help(words: string[], io: Io): number {
  if (words.length === 0) return print(io, overview(Object.values(COMMANDS)));
  const { command, rest } = select(words);
  if (!command || rest.length > 0) return unknownCommand(words, io);
  return print(io, commandHelp(command));
}

function print(io: Io, text: string): number {
  io.stdout(text);
  return 0;
}

function unknownCommand(argv: string[], io: Io): number {
  const words = argv.slice(0, 2).join(' ');
  return usageError(io, `unknown command "${words}"`, `commands: ${Object.keys(COMMANDS).join(', ')}`);
}

/** One line, as scripts expect: the problem, then how to call the command. */
function usageError(io: Io, message: string, hint: string): number {
  io.stderr(`sluice: ${message} — ${hint}`);
  return 2;
}

function select(argv: string[]): { command: Command | undefined; rest: string[] } {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two]) return { command: COMMANDS[two], rest: argv.slice(2) };
  return { command: argv[0] ? COMMANDS[argv[0]] : undefined, rest: argv.slice(1) };
}
