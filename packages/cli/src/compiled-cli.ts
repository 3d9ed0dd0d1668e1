// For tests that run `sluice` as a user does: the command built once into a private copy of this
// package (under node_modules, where its dependencies resolve), so a rebuild of dist/ by anyone else
// cannot pull it away mid-run, and one process per run.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** What one run of the compiled command did. */
export interface CompiledRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A private build of the command, and a scratch folder beside it. */
export interface CompiledCli {
  /** Runs `sluice …args` in `cwd` with `env` added to this process's environment. */
  run(args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<CompiledRun>;
  /** A new empty folder for one run's files. */
  folder(name: string): string;
  remove(): void;
}

/**
 * Builds the command into a private copy; throws with esbuild's output if the build fails.
 *
 * @example const cli = buildCompiledCli(); const ran = await cli.run(['--help']);
 */
export function buildCompiledCli(): CompiledCli {
  const cache = join(PACKAGE, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const copy = mkdtempSync(join(cache, 'compiled-cli-'));
  for (const part of ['build.mjs', 'package.json', 'src'])
    cpSync(join(PACKAGE, part), join(copy, part), { recursive: true });
  const build = spawnSync(process.execPath, [join(copy, 'build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0 || build.stderr !== '') throw new Error(`build failed: ${build.stderr}`);
  const work = mkdtempSync(join(cache, 'compiled-runs-'));
  return {
    run: (args, options = {}) => runOnce(join(copy, 'dist', 'sluice.js'), args, options),
    folder: (name) => {
      const dir = join(work, name);
      mkdirSync(dir);
      return dir;
    },
    remove: () => {
      for (const dir of [copy, work]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function runOnce(
  sluice: string,
  args: string[],
  { cwd, env }: { cwd?: string; env?: Record<string, string> },
): Promise<CompiledRun> {
  const child = spawn(process.execPath, [sluice, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (text) => {
    stdout += text;
  });
  child.stderr.on('data', (text) => {
    stderr += text;
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
