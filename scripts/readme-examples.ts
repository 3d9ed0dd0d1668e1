// The harness of every package's `examples/readme.test.ts`: the README shows each example file
// verbatim (scripts/readme-snippets.ts), and the tests import each file, which runs it, in a temporary
// folder, since the snippets use relative folders as a reader's would. Test-only: nothing published
// imports it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { snippetProblems } from './readme-snippets.js';

/**
 * Registers the README-vs-examples check and runs the file's tests in a fresh temporary folder, the
 * working directory and environment put back afterwards. Returns the package folder.
 * @example
 * const packageDir = readmeExamples(import.meta.dirname, 'core'); // in packages/core/examples
 */
export function readmeExamples(examplesDir: string, name: string): string {
  const packageDir = join(examplesDir, '..');
  const cwd = process.cwd();
  const env = { ...process.env };
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), `sluice-${name}-readme-`));
    process.chdir(folder);
  });
  afterAll(async () => {
    process.chdir(cwd);
    process.env = env;
    await rm(folder, { recursive: true, force: true });
  });
  it('shows every example file verbatim in the README, and no untested TypeScript block', () => {
    expect(snippetProblems(packageDir)).toEqual([]);
  });
  return packageDir;
}
