import { expect } from 'vitest';
import { main } from './main.js';

/**
 * Runs the CLI in-process and captures what it printed, for tests: the exit code, every stdout and
 * stderr line, and the JSON result parsed from the last stdout line.
 *
 * @example const { code, result } = await sluice('orders', 'filter', '--input', 'orders.csv', …);
 */
export async function sluice(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  const last = stdout.at(-1);
  return { code, stdout, stderr, result: last ? (JSON.parse(last) as Record<string, unknown>) : undefined };
}

/**
 * Checks that the CLI refused its arguments as it always does: exit 2, one stderr line matching
 * `message`, nothing on stdout.
 *
 * @example expectUsageError(await sluice('orders', 'filter'), /--input is required/);
 */
export function expectUsageError(run: Awaited<ReturnType<typeof sluice>>, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toEqual([expect.stringMatching(message)]);
  expect(run.stdout).toEqual([]);
}
