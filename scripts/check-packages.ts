// Checks what we publish (STYLE 10): builds, then for every published package in packages/* checks
// the packed file list, the explicit exports map against dist, sideEffects, that dist's imports are
// declared dependencies, that plain Node (no tsx, no source condition) imports every entry, that the
// README lists every entry point with its exports and shows its example files as its code blocks
// (scripts/readme-snippets.ts), and runs publint and attw on the tarball; then installs the tarballs
// into a scratch project with npm, type-checks every entry point as a strict user would and runs
// bundled handlers, the README's S3 put handler against s3rver among them (scripts/packages/consumer.ts).
// Run: `pnpm check:packages` (`--no-build` reuses dist, `--write-readme` rewrites the README tables
// and code blocks, `--keep` keeps the scratch folder). Exits 1 on any problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumerProblems } from './packages/consumer.js';
import { checkImports } from './packages/declared-imports.js';
import { checkReadme, entryPoints } from './packages/entry-points.js';
import { attwProblems, publintProblems } from './packages/published-lint.js';
import {
  exportedSubpaths,
  type Finding,
  type Manifest,
  type PackageUnderCheck,
  PNPM,
  publishedPackages,
  ROOT,
  SOURCE_CONDITION,
  specifierOf,
} from './packages/workspace.js';
import { snippetProblems } from './readme-snippets.js';

/** What a consumer's tarball must not carry: tests, their fixtures, build caches. */
const UNPUBLISHABLE =
  /(^|\/)(fixtures|__tests__)\/|\.(test|spec)\.[cm]?[jt]s$|\.(test|spec)\.d\.[cm]?ts$|\.tsbuildinfo$/;
/** The order of conditions in every entry: workspace source first, then types, then the JavaScript. */
const CONDITION_ORDER = [SOURCE_CONDITION, 'types', 'default'];

async function main(): Promise<void> {
  const flag = (name: string) => process.argv.includes(name);
  if (!flag('--no-build') && !build()) {
    // Checking a stale dist would report its old problems as today's.
    console.error('pnpm build failed: fix the build first (its errors are above)');
    process.exitCode = 1;
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'sluice-packages-'));
  try {
    const packages = publishedPackages();
    const tarballs = pack(packages, join(scratch, 'tarballs'));
    const findings: Finding[] = [];
    for (const [i, pkg] of packages.entries()) {
      findings.push(...(await checkPackage(pkg, tarballs[i] ?? '', flag('--write-readme'))));
    }
    const started = performance.now();
    const consumer = await consumerProblems(packages, tarballs, join(scratch, 'consumer'));
    console.log(`consumer project: ${consumer.length} problem(s) in ${seconds(started)}`);
    findings.push(
      ...consumer.map((detail) => ({ pkg: 'consumer', check: 'npm install + tsc + esbuild', detail })),
    );
    report(findings);
    process.exitCode = findings.length > 0 ? 1 : 0;
  } finally {
    if (flag('--keep')) console.log(`scratch folder kept: ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

function build(): boolean {
  console.log('building (pnpm build)…');
  return spawnSync('npx', [...PNPM, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

/** `pnpm pack` of each package (which turns `workspace:^` into a version range), in order. */
function pack(packages: readonly PackageUnderCheck[], destination: string): string[] {
  return packages.map(({ dir, manifest }) => {
    execFileSync('npx', [...PNPM, 'pack', '--pack-destination', destination], { cwd: dir, stdio: 'ignore' });
    const file = join(
      destination,
      `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`,
    );
    if (!existsSync(file)) throw new Error(`pnpm pack did not write ${file}`);
    return file;
  });
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function checkPackage(
  pkg: PackageUnderCheck,
  tarball: string,
  writeReadme: boolean,
): Promise<Finding[]> {
  const packed = packedFiles(pkg.dir);
  const entries = entryPoints(pkg);
  const checks: Array<[string, () => string[] | Promise<string[]>]> = [
    ['sideEffects', () => checkSideEffects(pkg.manifest)],
    ['exports', () => checkExports(pkg, packed)],
    [
      'entry points',
      () => entries.filter((e) => e.names.length === 0).map((e) => `${e.specifier} exports nothing`),
    ],
    ['readme', () => checkReadme(pkg, entries, writeReadme)],
    ['readme snippets', () => snippetProblems(pkg.dir, writeReadme)],
    ['tarball', () => checkTarball(packed)],
    ['dependencies', () => checkImports(pkg, packed, /\.[cm]?js$/, 'at runtime')],
    ['type dependencies', () => checkImports(pkg, packed, /\.d\.[cm]?ts$/, 'in its types')],
    ['plain node import', () => checkPlainImport(pkg)],
    ['publint', () => publintProblems(tarball)],
    ['attw', () => attwProblems(tarball)],
  ];
  const findings: Finding[] = [];
  for (const [check, run] of checks) {
    for (const detail of await run()) findings.push({ pkg: pkg.manifest.name, check, detail });
  }
  console.log(
    `${pkg.manifest.name}: ${entries.length} entry points, ${packed.size} files packed, ${findings.length} problem(s)`,
  );
  return findings;
}

/** The files `npm pack` would put in the tarball, relative to the package folder. */
function packedFiles(dir: string): Set<string> {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [result] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return new Set((result?.files ?? []).map((file) => file.path));
}

function checkSideEffects(manifest: Manifest): string[] {
  return manifest.sideEffects === false
    ? []
    : [`"sideEffects" is ${JSON.stringify(manifest.sideEffects)}, expected false`];
}

function checkExports(pkg: PackageUnderCheck, packed: Set<string>): string[] {
  return exportedSubpaths(pkg.manifest).flatMap(([subpath, conditions]) => {
    const problems: string[] = [];
    if (subpath.includes('*')) problems.push(`${subpath}: a wildcard; list each entry point explicitly`);
    const order = Object.keys(conditions).join(', ');
    if (order !== CONDITION_ORDER.join(', '))
      problems.push(`${subpath}: conditions ${order}, expected ${CONDITION_ORDER.join(', ')}`);
    if (!conditions.types?.endsWith('.d.ts')) problems.push(`${subpath}: no "types" condition to a .d.ts`);
    if (!conditions.default?.endsWith('.js')) problems.push(`${subpath}: no "default" condition to a .js`);
    for (const [condition, target] of Object.entries(conditions)) {
      const file = target.replace(/^\.\//, '');
      if (!existsSync(join(pkg.dir, file))) problems.push(`${subpath} [${condition}] -> ${target}: missing`);
      else if (condition !== SOURCE_CONDITION && !packed.has(file))
        problems.push(`${subpath} [${condition}] -> ${target}: exists but is not in the tarball`);
    }
    return problems;
  });
}

function checkTarball(packed: Set<string>): string[] {
  return [...packed].filter((file) => UNPUBLISHABLE.test(file)).map((file) => `ships ${file}`);
}

/**
 * Imports every subpath by package name from a plain `node` (no tsx, no source condition), from the
 * package's own folder (self-reference), so resolution goes through exports to dist as a consumer's would.
 */
function checkPlainImport(pkg: PackageUnderCheck): string[] {
  const specifiers = exportedSubpaths(pkg.manifest).map(([subpath]) =>
    specifierOf(pkg.manifest.name, subpath),
  );
  const script = `const failed = [];
for (const s of ${JSON.stringify(specifiers)}) {
  try { await import(s); } catch (e) { failed.push(s + ': ' + String(e?.message ?? e).split('\\n')[0]); }
}
console.log(JSON.stringify(failed));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: pkg.dir,
    encoding: 'utf8',
  });
  if (run.status !== 0) return [`node exited ${run.status}: ${run.stderr.trim().split('\n')[0]}`];
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]') as string[];
}

function report(findings: Finding[]): void {
  if (findings.length === 0) {
    console.log('all published packages pass');
    return;
  }
  console.log(`\n${findings.length} problem(s):`);
  for (const { pkg, check, detail } of findings) console.log(`- ${pkg} [${check}] ${detail}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
