// Checks what we publish (STYLE 10): builds, then for every published package in packages/* checks
// the packed file list, the exports map against dist, sideEffects, that dist's runtime imports are
// declared dependencies, and that plain Node (no tsx, no source condition) imports every entry.
// Run: `pnpm check:packages` (add `--no-build` to reuse an existing dist). Exits 1 on any problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_CONDITION = '@sluice/source';
/** What a consumer's tarball must not carry: tests, their fixtures, build caches. */
const UNPUBLISHABLE =
  /(^|\/)(fixtures|__tests__)\/|\.(test|spec)\.[cm]?[jt]s$|\.(test|spec)\.d\.[cm]?ts$|\.tsbuildinfo$/;

interface Manifest {
  name: string;
  private?: boolean;
  sideEffects?: unknown;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** One published package under check. */
interface PackageUnderCheck {
  dir: string;
  manifest: Manifest;
}

/** A problem found in one package, said so that the fix is obvious. */
interface Finding {
  pkg: string;
  check: string;
  detail: string;
}

function main(): void {
  if (!process.argv.includes('--no-build') && !build()) {
    // Checking a stale dist would report its old problems as today's.
    console.error('pnpm build failed: fix the build first (its errors are above)');
    process.exitCode = 1;
    return;
  }
  const findings = publishedPackages().flatMap(checkPackage);
  report(findings);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

function build(): boolean {
  console.log('building (pnpm build)…');
  return spawnSync('npx', ['-y', 'pnpm@12', 'run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

function publishedPackages(): PackageUnderCheck[] {
  const parent = join(ROOT, 'packages');
  return readdirSync(parent)
    .map((name) => join(parent, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson<Manifest>(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

function checkPackage(pkg: PackageUnderCheck): Finding[] {
  const packed = packedFiles(pkg.dir);
  const checks: Array<[string, () => string[]]> = [
    ['sideEffects', () => checkSideEffects(pkg.manifest)],
    ['exports', () => checkExports(pkg, packed)],
    ['tarball', () => checkTarball(packed)],
    ['dependencies', () => checkImports(pkg, /\.[cm]?js$/, 'at runtime')],
    ['type dependencies', () => checkImports(pkg, /\.d\.[cm]?ts$/, 'in its types')],
    ['plain node import', () => checkPlainImport(pkg)],
  ];
  const findings = checks.flatMap(([check, run]) =>
    run().map((detail) => ({ pkg: pkg.manifest.name, check, detail })),
  );
  console.log(`${pkg.manifest.name}: ${packed.size} files packed, ${findings.length} problem(s)`);
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

/** Every exports subpath, with `./*` expanded over the src folders that hold an index.ts. */
function exportedSubpaths(pkg: PackageUnderCheck): Array<[string, Record<string, string>]> {
  const entries = Object.entries(pkg.manifest.exports ?? {}).filter(([key]) => key !== './package.json');
  return entries.flatMap(([key, target]) => {
    const conditions = typeof target === 'string' ? { default: target } : target;
    if (!key.includes('*')) return [[key, conditions]];
    return indexFolders(join(pkg.dir, 'src')).map((folder): [string, Record<string, string>] => [
      key.replace('*', folder),
      Object.fromEntries(Object.entries(conditions).map(([c, path]) => [c, path.replace('*', folder)])),
    ]);
  });
}

/** Folders below `src` (any depth, e.g. `storage/local`) that have an index.ts. */
function indexFolders(src: string, prefix = ''): string[] {
  return readdirSync(join(src, prefix), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'fixtures')
    .flatMap((entry) => {
      const folder = prefix ? `${prefix}/${entry.name}` : entry.name;
      const own = existsSync(join(src, folder, 'index.ts')) ? [folder] : [];
      return [...own, ...indexFolders(src, folder)];
    });
}

function checkExports(pkg: PackageUnderCheck, packed: Set<string>): string[] {
  return exportedSubpaths(pkg).flatMap(([subpath, conditions]) => {
    const problems: string[] = [];
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
 * Bare specifiers in dist files matching `kind` must be dependencies or peerDependencies: a consumer
 * installs nothing else (a devDependency works in the workspace and breaks after `npm install`).
 */
function checkImports(pkg: PackageUnderCheck, kind: RegExp, where: string): string[] {
  const { dependencies = {}, peerDependencies = {} } = pkg.manifest;
  const declared = new Set([
    pkg.manifest.name,
    ...Object.keys(dependencies),
    ...Object.keys(peerDependencies),
  ]);
  const undeclared = new Map<string, string[]>();
  for (const file of distFiles(join(pkg.dir, 'dist'), kind)) {
    for (const name of importedPackages(readFileSync(file, 'utf8'))) {
      if (declared.has(name)) continue;
      undeclared.set(name, [...(undeclared.get(name) ?? []), relative(pkg.dir, file)]);
    }
  }
  return [...undeclared].map(
    ([name, files]) => `imports ${name} ${where} but does not declare it (${files.slice(0, 3).join(', ')})`,
  );
}

function distFiles(dir: string, kind: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return distFiles(path, kind);
    return kind.test(name) && !UNPUBLISHABLE.test(path) ? [path] : [];
  });
}

// Emitted JS only: `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, each anchored
// to a statement start so a `from '…'` inside a string is not taken for one. tsc drops type-only
// imports (verbatimModuleSyntax), so what is left runs.
const IMPORT_SPECIFIERS = [
  /^\s*(?:import|export)\s[^;'"]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
  /\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];
const BUILTINS = new Set(builtinModules);

/**
 * Package names imported by a JS module's bare specifiers (node builtins and relative paths skipped).
 * @example
 * importedPackages("import { z } from 'zod/mini';"); // ['zod']
 */
export function importedPackages(js: string): string[] {
  const names = new Set<string>();
  for (const match of IMPORT_SPECIFIERS.flatMap((pattern) => [...js.matchAll(pattern)])) {
    const specifier = match[2] ?? '';
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
    if (!BUILTINS.has(name)) names.add(name);
  }
  return [...names];
}

/**
 * Imports every subpath by package name from a plain `node` (no tsx, no source condition), from the
 * package's own folder (self-reference), so resolution goes through exports to dist as a consumer's would.
 */
function checkPlainImport(pkg: PackageUnderCheck): string[] {
  const specifiers = exportedSubpaths(pkg).map(([subpath]) => join(pkg.manifest.name, subpath));
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

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
