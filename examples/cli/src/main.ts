import type { Command, Io } from './command.js';
import { botsDetect } from './commands/bots.js';
import { customersScore } from './commands/customers.js';
import { demo } from './commands/demo.js';
import { generate } from './commands/generate.js';
import { ordersFilter } from './commands/orders.js';
import { query } from './commands/query.js';
import { transactionsRun } from './commands/transactions.js';
import { UsageError } from './errors.js';

/** Every command, by the words that select it (`orders filter` is two words). */
export const COMMANDS: Record<string, Command> = {
  generate,
  'orders filter': ordersFilter,
  query,
  demo,
  'transactions run': transactionsRun,
  'customers score': customersScore,
  'bots detect': botsDetect,
};

export type { Io } from './command.js';

const processIo: Io = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs the CLI: the result is ONE JSON object on the last stdout line; human text goes to stderr.
 * Returns the exit code: 0 ok, 2 bad arguments, 1 anything else (one line on stderr).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const { command, rest } = select(argv);
  try {
    if (!command) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"`);
    io.stdout(JSON.stringify(await command.run(rest, io)));
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (!(error instanceof UsageError)) {
      io.stderr(`sluice: ${message}`);
      return 1;
    }
    // One line, as scripts expect: the problem, then how to call the command.
    const usage = command ? `usage: ${command.usage}` : `commands: ${Object.keys(COMMANDS).join(', ')}`;
    io.stderr(`sluice: ${message} — ${usage}`);
    return 2;
  }
}

function select(argv: string[]): { command: Command | undefined; rest: string[] } {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two]) return { command: COMMANDS[two], rest: argv.slice(2) };
  return { command: argv[0] ? COMMANDS[argv[0]] : undefined, rest: argv.slice(1) };
}
