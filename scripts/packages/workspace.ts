// The published packages of the workspace and their manifests, shared by the packaging checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCE_CONDITION = '@sluice/source';
/** The pnpm the README's commands use. */
export const PNPM = ['-y', 'pnpm@12.21.0'];

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  sideEffects?: unknown;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** One published package under check. */
export interface PackageUnderCheck {
  dir: string;
  manifest: Manifest;
}

/** A problem found in one package, said so that the fix is obvious. */
export interface Finding {
  pkg: string;
  check: string;
  detail: string;
}

export function publishedPackages(): PackageUnderCheck[] {
  const parent = join(ROOT, 'packages');
  return readdirSync(parent)
    .map((name) => join(parent, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson<Manifest>(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

/** The entry points of `exports` (without `./package.json`), each with its conditions in order. */
export function exportedSubpaths(manifest: Manifest): Array<[string, Record<string, string>]> {
  return Object.entries(manifest.exports ?? {})
    .filter(([key]) => key !== './package.json')
    .map(([key, target]) => [key, typeof target === 'string' ? { default: target } : target]);
}

/**
 * The import specifier of an exports subpath.
 * @example
 * specifierOf('@sluice/sinks', './local/dynamo'); // '@sluice/sinks/local/dynamo'
 */
export function specifierOf(name: string, subpath: string): string {
  return subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
