// publint and Are the Types Wrong on the packed tarball, i.e. on exactly what npm would publish.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { ROOT } from './workspace.js';

/** publint's errors and warnings (suggestions are advice, not failures). */
export async function publintProblems(tarball: string): Promise<string[]> {
  const bytes = readFileSync(tarball);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: 'warning', strict: true });
  return messages.map((message) => formatMessage(message, pkg, { color: false }) ?? message.code);
}

/**
 * attw for ESM-only packages: every entry must resolve to JavaScript and matching types under node16
 * (from ESM) and bundler resolution. CommonJS `require` and node10 are out of scope, not failures.
 */
export function attwProblems(tarball: string): string[] {
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/attw'),
    [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'],
    { encoding: 'utf8' },
  );
  if (run.status === 0) return [];
  const output = `${run.stdout}${run.stderr}`.trim();
  return [`attw found problems (exit ${run.status}):\n${output}`];
}
