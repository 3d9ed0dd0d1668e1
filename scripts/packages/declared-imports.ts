// Every package a published file imports must be one its manifest declares: a consumer installs
// nothing else (a devDependency works in the workspace and breaks after `npm install`).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { PackageUnderCheck } from './workspace.js';

/** Bare specifiers in packed dist files matching `kind` that are neither dependencies nor peerDependencies. */
export function checkImports(
  pkg: PackageUnderCheck,
  packed: ReadonlySet<string>,
  kind: RegExp,
  where: string,
): string[] {
  const { dependencies = {}, peerDependencies = {} } = pkg.manifest;
  const declared = new Set([
    pkg.manifest.name,
    ...Object.keys(dependencies),
    ...Object.keys(peerDependencies),
  ]);
  const undeclared = new Map<string, string[]>();
  // Only what is packed: a test helper left out of the tarball may import a devDependency.
  for (const file of [...packed].filter((path) => path.startsWith('dist/') && kind.test(path))) {
    for (const name of importedPackages(readFileSync(join(pkg.dir, file), 'utf8'))) {
      if (declared.has(name)) continue;
      undeclared.set(name, [...(undeclared.get(name) ?? []), file]);
    }
  }
  return [...undeclared].map(
    ([name, files]) => `imports ${name} ${where} but does not declare it (${files.slice(0, 3).join(', ')})`,
  );
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
