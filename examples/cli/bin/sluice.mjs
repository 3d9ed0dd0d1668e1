#!/usr/bin/env node
// Runs the TypeScript sources through tsx with the workspace's source export condition.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--conditions=@sluice/source', '--import', 'tsx', entry, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
