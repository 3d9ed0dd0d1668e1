// Bundles every example Lambda handler the way a deployment would (esbuild, ESM, node22, minified,
// AWS SDK external) and attributes the bytes to packages, so a size regression names its cause.
// Run: `node --import tsx bench/bundles/bundle-handlers.ts` (prints a markdown table).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { budgetClass, limitFor, OVER_BUDGET } from './budgets.js';

/** The workspace root (two levels above this file). */
export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Bytes one package contributes to a bundle. */
export interface PackageShare {
  name: string;
  bytes: number;
}

/** One bundled handler: its size, what is in it and where the bytes come from. */
export interface HandlerBundle {
  /** Handler path relative to the workspace root, e.g. `examples/x/src/handlers/y.ts`. */
  entry: string;
  /** Minified JS bytes (the `.js` output only; `.wasm` or other assets are not counted). */
  bytes: number;
  gzipBytes: number;
  /** Every bundled module path, relative to the workspace root. */
  inputs: string[];
  /** Names the bundle's entry module exports; a Lambda entry has `handler`. */
  exports: string[];
  /** Bytes per package, largest first. */
  packages: PackageShare[];
  /** Bare specifiers the example's own files import (what the handler asks for). */
  requested: string[];
  js: string;
  /** Files emitted beside the JS (e.g. a `.wasm` copied by a loader); empty when nothing is. */
  assets: string[];
}

/** Runtime packages the Lambda Node.js runtime ships, so a deployment never bundles them. */
export const LAMBDA_RUNTIME_EXTERNALS = ['@aws-sdk/*', '@smithy/*'];

const HANDLER_EXPORT =
  /export\s+(?:const|let|var|async\s+function|function)\s+handler\b|export\s*\{[^}]*\bhandler\b/;

/**
 * Lists every `examples/<name>/src/handlers/*.ts` that is a Lambda entry (exports `handler`);
 * helpers beside them (environment.ts, tests) are skipped. Sorted, relative to `root`.
 * @example
 * discoverHandlers(); // ['examples/orders-dashboard/src/handlers/filter-orders.ts', …]
 */
export function discoverHandlers(root = WORKSPACE_ROOT): string[] {
  const examples = join(root, 'examples');
  return readdirSync(examples)
    .map((name) => join(examples, name, 'src', 'handlers'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((file) => join(dir, file)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => HANDLER_EXPORT.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .sort();
}

/**
 * Bundles one handler as a Lambda deployment would and attributes its bytes.
 * @example
 * const bundle = await bundleHandler('examples/transaction-stream/src/handlers/process-transactions.ts');
 * console.log(bundle.bytes, bundle.packages[0]);
 */
export async function bundleHandler(entry: string, root = WORKSPACE_ROOT): Promise<HandlerBundle> {
  return bundle(entry, { entryPoints: [entry] }, root);
}

/**
 * Bundles a module given as source text, resolved from `resolveDir`: a probe of what importing
 * one subpath costs.
 * @example
 * await bundleSource("export { DynamoDbSink } from '@sluice/sinks/dynamodb';", 'bench');
 */
export async function bundleSource(contents: string, resolveDir: string, root = WORKSPACE_ROOT) {
  const stdin = {
    contents,
    resolveDir: resolve(root, resolveDir),
    loader: 'ts' as const,
    sourcefile: 'probe.ts',
  };
  return bundle('probe.ts', { stdin }, root);
}

async function bundle(entry: string, source: BuildOptions, root: string): Promise<HandlerBundle> {
  const result = await build({
    ...source,
    ...lambdaOptions(root),
    metafile: true,
    write: false,
    outdir: 'out',
  });
  const jsFile = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!jsFile) throw new Error(`esbuild emitted no JS for ${entry}`);
  const [outputName, output] = jsOutput(result.metafile);
  return {
    entry,
    bytes: jsFile.contents.byteLength,
    gzipBytes: gzipSync(jsFile.contents).byteLength,
    inputs: Object.keys(output.inputs),
    exports: output.exports,
    packages: attribute(output.inputs, root),
    requested: requestedSpecifiers(result.metafile),
    js: jsFile.text,
    assets: result.outputFiles.map((file) => relative(root, file.path)).filter((p) => p !== outputName),
  };
}

/** The settings a Lambda deployment bundles with (DESIGN §6: esbuild, NODEJS_22_X, SDK from the runtime). */
function lambdaOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    external: LAMBDA_RUNTIME_EXTERNALS,
    conditions: ['@sluice/source'],
    logLevel: 'silent',
  };
}

function jsOutput(metafile: Metafile): [string, Metafile['outputs'][string]] {
  const found = Object.entries(metafile.outputs).find(([name]) => name.endsWith('.js'));
  if (!found) throw new Error('metafile has no JS output');
  return found;
}

/** Sums `bytesInOutput` per package; workspace files count under their package.json name. */
function attribute(inputs: Metafile['outputs'][string]['inputs'], root: string): PackageShare[] {
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOf(path, root);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((share) => share.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * The package a bundled module belongs to: the segment after the last `node_modules/` (pnpm nests
 * them under `.pnpm/<name>@<version>/node_modules/`), else the nearest package.json's name.
 * @example
 * packageOf('node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/mini/schemas.js'); // 'zod'
 */
export function packageOf(path: string, root = WORKSPACE_ROOT): string {
  const marker = path.lastIndexOf('node_modules/');
  if (marker >= 0) {
    const [scope, name] = path.slice(marker + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
  }
  return workspacePackageName(dirname(join(root, path)), root) ?? path;
}

const names = new Map<string, string | undefined>();

function workspacePackageName(dir: string, root: string): string | undefined {
  if (!names.has(dir)) {
    const manifest = join(dir, 'package.json');
    const parent = dirname(dir);
    names.set(
      dir,
      existsSync(manifest)
        ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
        : dir === root || parent === dir
          ? undefined
          : workspacePackageName(parent, root),
    );
  }
  return names.get(dir);
}

/** Bare specifiers the handler's own modules import (not the libraries'): its declared needs. */
function requestedSpecifiers(metafile: Metafile): string[] {
  const wanted = new Set<string>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (path.startsWith('packages/') || path.includes('node_modules/')) continue;
    for (const { original } of input.imports) {
      if (original && !original.startsWith('.') && !original.startsWith('node:')) wanted.add(original);
    }
  }
  return [...wanted].sort();
}

/**
 * Formats sizes as a markdown table: budget class and limit, then the top `top` packages by bytes.
 * @example
 * console.log(sizeTable(await Promise.all(discoverHandlers().map((h) => bundleHandler(h)))));
 */
export function sizeTable(bundles: HandlerBundle[], top = 4): string {
  const rows = bundles.map((bundle) => {
    const shares = bundle.packages.slice(0, top).map((share) => `${share.name} ${kb(share.bytes)}`);
    const limit = limitFor(bundle);
    const cells = [
      `\`${bundle.entry.replace(/^examples\//, '')}\``,
      budgetClass(bundle.requested) + (OVER_BUDGET[bundle.entry] ? ' (over, see below)' : ''),
      limit === undefined ? 'none' : kb(limit),
      kb(bundle.bytes),
      kb(bundle.gzipBytes),
      shares.join(', '),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const header = '| handler | class | limit | minified | gzip | top packages |\n|---|---|---:|---:|---:|---|';
  return [header, ...rows].join('\n');
}

/** Bytes as KB with one decimal (1 KB = 1024 bytes, as the budgets are written). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const bundles: HandlerBundle[] = [];
  // One at a time: esbuild is fast, and the machine is shared.
  for (const entry of discoverHandlers()) bundles.push(await bundleHandler(entry));
  console.log(sizeTable(bundles));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
