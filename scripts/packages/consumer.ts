// A user's view of the packed packages: install the tarballs with npm into a scratch project (no
// workspace links), type-check a file importing every entry point under the strictest settings a
// user may have (no skipLibCheck, no DOM lib), then bundle handlers with esbuild and run them: a small
// stale-order filter, and the README's S3 put handler (@sluice/sinks, the same text) against s3rver.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readmeHandlerProblems, readmeHandlerSources } from './readme-handler.js';
import { exportedSubpaths, type PackageUnderCheck, ROOT, readJson, specifierOf } from './workspace.js';

/** Installed in the test project so the declarations of the AWS- and DuckDB-backed entries resolve. */
const TEST_ONLY_PEERS = new Set(['vitest', 's3rver', 'dynalite', 'kinesalite']);

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    skipLibCheck: false,
    lib: ['ES2023'],
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    noEmit: true,
  },
  include: ['*.ts'],
};

// The stale-order filter through core's memory store: one stale row dropped, two kept byte for byte.
const HANDLER = `import { MemoryObjectStore, readText } from '@sluice/core';
import { filterStaleOrders } from '@sluice/transforms/orders';

export async function handler(csv: string): Promise<{ csv: string; read: number; kept: number }> {
  const store = new MemoryObjectStore();
  await store.put('raw/orders.csv', csv);
  const run = await filterStaleOrders(await store.get('raw/orders.csv'), { file: 'raw/orders.csv', asOf: '2025-03-10' });
  await store.put('processed/orders.csv', run.csv);
  const output = await readText(store, 'processed/orders.csv');
  const report = run.report();
  return { csv: output, read: report.read, kept: report.kept };
}

console.log(JSON.stringify(await handler(${JSON.stringify(
  'id,status,order_date\n1,pending,2025-01-01\n2,shipped,2025-01-01\n3,pending,2025-03-01\n',
)})));
`;
const EXPECTED_OUTPUT = {
  csv: 'id,status,order_date\n2,shipped,2025-01-01\n3,pending,2025-03-01\n',
  read: 3,
  kept: 2,
};

/** Problems a user would meet installing `tarballs` into a fresh project; empty when there are none. */
export async function consumerProblems(
  packages: readonly PackageUnderCheck[],
  tarballs: readonly string[],
  dir: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(dir, 'entries.ts'), entriesSource(packages));
  writeFileSync(join(dir, 'handler.ts'), HANDLER);
  for (const [file, source] of Object.entries(readmeHandlerSources())) writeFileSync(join(dir, file), source);
  const install = npmInstall(dir, [...tarballs, ...peerSpecs(packages)]);
  if (install) return [install];
  const typecheck = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
  });
  if (typecheck.status !== 0) return [`a strict consumer does not type-check:\n${typecheck.stdout}`];
  const problems = await runHandler(dir);
  // As deployed to Lambda: the runtime ships the AWS SDK, so the bundle leaves it out (here it loads
  // from the project's node_modules, installed as the optional peers).
  const bundled = await bundle(dir, 'invoke-s3-handler.ts', ['@aws-sdk/*']);
  return [...problems, ...(typeof bundled === 'string' ? [bundled] : await readmeHandlerProblems(bundled))];
}

/** One namespace import per entry point, so each entry's declarations are checked. */
function entriesSource(packages: readonly PackageUnderCheck[]): string {
  const specifiers = packages.flatMap((pkg) =>
    exportedSubpaths(pkg.manifest).map(([subpath]) => specifierOf(pkg.manifest.name, subpath)),
  );
  const imports = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`);
  return `${imports.join('\n')}\n\nexport const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];\n`;
}

/** The optional peers a user of every entry installs, at the versions the workspace tests with. */
function peerSpecs(packages: readonly PackageUnderCheck[]): string[] {
  const root = readJson<{ devDependencies: Record<string, string> }>(join(ROOT, 'package.json'));
  const specs = new Map([['@types/node', root.devDependencies['@types/node'] ?? '20']]);
  for (const { manifest } of packages) {
    for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
      if (!TEST_ONLY_PEERS.has(name)) specs.set(name, manifest.devDependencies?.[name] ?? range);
    }
  }
  return [...specs].map(([name, version]) => `${name}@${version}`);
}

function npmInstall(dir: string, specs: string[]): string | undefined {
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...specs];
  try {
    execFileSync('npm', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return undefined;
  } catch (error) {
    return `npm install of the tarballs failed: ${(error as { stderr?: string }).stderr ?? String(error)}`;
  }
}

/** The bundle of `entry` (what a Lambda deployment would upload), or why esbuild refused. */
async function bundle(
  dir: string,
  entry: string,
  external: string[] = [],
): Promise<{ file: string } | string> {
  const outfile = join(dir, 'dist', entry.replace(/\.ts$/, '.mjs'));
  try {
    await build({
      absWorkingDir: dir,
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outfile,
      external,
      logLevel: 'silent',
    });
    return { file: outfile };
  } catch (error) {
    return `esbuild could not bundle ${entry}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function runHandler(dir: string): Promise<string[]> {
  const bundled = await bundle(dir, 'handler.ts');
  if (typeof bundled === 'string') return [bundled];
  const outfile = bundled.file;
  const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  if (run.status !== 0) return [`the bundled handler failed: ${run.stderr.trim()}`];
  const output = run.stdout.trim();
  return output === JSON.stringify(EXPECTED_OUTPUT)
    ? []
    : [`the bundled handler printed ${output}, expected ${JSON.stringify(EXPECTED_OUTPUT)}`];
}
