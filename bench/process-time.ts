// Whole-process timing for commands as users run them: wall time measured here, peak RSS from GNU
// time (`%M`) when the machine has it, so no process reports its own.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { outputFile } from './data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** Wall times and peak RSS of one command's runs. */
export interface Timed {
  name: string;
  wallMs: number[];
  rssMb: number[];
}

/** Runs every command `runs` times, interleaved so drift in machine load hits all alike. */
export async function timeAll(
  commands: { name: string; command: string[] }[],
  runs: number,
): Promise<Timed[]> {
  const results = commands.map(({ name }) => ({ name, wallMs: [] as number[], rssMb: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    for (const [i, { command }] of commands.entries()) {
      const { wallMs, rssMb } = await timeProcess(command);
      results[i]?.wallMs.push(wallMs);
      results[i]?.rssMb.push(rssMb);
    }
  }
  return results;
}

/** Wall time measured here; peak RSS from GNU time when the machine has it (else 0). */
async function timeProcess(command: string[]): Promise<{ wallMs: number; rssMb: number }> {
  const rssFile = outputFile(`cli-rss-${process.pid}.txt`);
  const argv = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...command] : command;
  const [program, ...args] = argv as [string, ...string[]];
  const started = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(program, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve(status) : reject(new Error(`${command.join(' ')} exited ${status}: ${stderr}`)),
    );
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const kb = existsSync(rssFile) ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1)) : 0;
  await rm(rssFile, { force: true });
  return code === 0 ? { wallMs, rssMb: Math.round(kb / 102.4) / 10 } : { wallMs, rssMb: 0 };
}
