// The names each entry point exports, read from the built declarations, and the README table that
// lists them (STYLE 13: the public API is a decision, written down where users look).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { exportedSubpaths, type PackageUnderCheck, specifierOf } from './workspace.js';

/** One entry point and the names it exports, sorted. */
export interface EntryPoint {
  specifier: string;
  names: string[];
}

const HEADING = '## Entry points';
const NOTE =
  '<!-- Generated from the built declarations by `pnpm check:packages --write-readme`; `pnpm check` fails when it is out of date. -->';

/** The exported names of every entry point of a package, from its `types` condition (dist must be built). */
export function entryPoints(pkg: PackageUnderCheck): EntryPoint[] {
  const entries = exportedSubpaths(pkg.manifest).map(([subpath, conditions]) => ({
    specifier: specifierOf(pkg.manifest.name, subpath),
    file: join(pkg.dir, conditions.types ?? ''),
  }));
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true },
  );
  const checker = program.getTypeChecker();
  return entries.map(({ specifier, file }) => {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    const names = module ? checker.getExportsOfModule(module).map((symbol) => symbol.getName()) : [];
    return { specifier, names: names.sort((a, b) => a.localeCompare(b)) };
  });
}

/** The README section listing every entry point; an entry holding whole other entries names them. */
export function entryPointSection(entries: readonly EntryPoint[]): string {
  const rows = entries.map((entry) => `| \`${entry.specifier}\` | ${describeNames(entry, entries)} |`);
  return [HEADING, '', NOTE, '', '| entry point | exports |', '| --- | --- |', ...rows, ''].join('\n');
}

function describeNames(entry: EntryPoint, all: readonly EntryPoint[]): string {
  const own = new Set(entry.names);
  const included = all.filter(
    (other) => other !== entry && other.names.length > 0 && other.names.every((name) => own.has(name)),
  );
  const covered = new Set(included.flatMap((other) => other.names));
  const rest = entry.names.filter((name) => !covered.has(name)).map((name) => `\`${name}\``);
  const parts = included.length > 0 ? [`all of ${included.map((e) => `\`${e.specifier}\``).join(', ')}`] : [];
  if (rest.length > 0) parts.push(included.length > 0 ? `and ${rest.join(', ')}` : rest.join(', '));
  return parts.join('; ') || '(nothing)';
}

/** The README with its entry-point section replaced by `section` (appended when it has none). */
export function withEntryPointSection(readme: string, section: string): string {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) return `${readme.trimEnd()}\n\n${section}`;
  const next = readme.indexOf('\n## ', start + HEADING.length + 1);
  const after = next < 0 ? '' : readme.slice(next);
  return `${readme.slice(0, start + 1)}${section}${after}`;
}

/** Problems with the README's entry-point table; with `write`, rewrites it instead. */
export function checkReadme(
  pkg: PackageUnderCheck,
  entries: readonly EntryPoint[],
  write: boolean,
): string[] {
  const path = join(pkg.dir, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const expected = withEntryPointSection(readme, entryPointSection(entries));
  if (expected === readme) return [];
  if (write) {
    writeFileSync(path, expected);
    return [];
  }
  return [`README.md "${HEADING}" does not match the exports: run \`pnpm check:packages --write-readme\``];
}
