// README code is tested code (issue 13, "docs match code"): every ```ts block of a package README
// sits between `<!-- snippet: examples/<name>.ts -->` and `<!-- /snippet -->` and is, verbatim, the
// part of that file between `// #region readme` and `// #endregion`. The file around the region is a
// hidden prelude (fixtures) and the values its test asserts on; the package's
// `examples/readme.test.ts` imports each file, which runs it, and checks what it did.
// Run: `pnpm readme:snippets` checks; `--write` copies every region into its README block.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BLOCK = /<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)```\n<!-- \/snippet -->/g;
const TS_FENCE = /^```(ts|typescript)\s*$/gm;
const REGION_START = '// #region readme\n';
const REGION_END = '// #endregion';

/** One README block and the file it shows. */
export interface ReadmeSnippet {
  /** Relative to the package folder, e.g. `examples/pipeline.ts`. */
  file: string;
  /** The block's code as the README has it. */
  shown: string;
}

/** The snippet blocks of a package README, in order. */
export function readmeSnippets(packageDir: string): ReadmeSnippet[] {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  return [...readme.matchAll(BLOCK)].map((match) => ({ file: match[1] ?? '', shown: match[2] ?? '' }));
}

/**
 * The code a README shows for an example file: the lines between its region markers.
 * @example
 * snippetRegion('import x from "y";\n// #region readme\nx();\n// #endregion\n'); // 'x();\n'
 */
export function snippetRegion(source: string, file = 'example'): string {
  const start = source.indexOf(REGION_START);
  const end = source.indexOf(REGION_END, start);
  if (start < 0 || end < 0) throw new Error(`${file} has no "${REGION_START.trim()}" … "${REGION_END}"`);
  return `${source.slice(start + REGION_START.length, end).trimEnd()}\n`;
}

/** The code of `examples/<name>.ts` that its README block must show. */
export function exampleRegion(packageDir: string, file: string): string {
  return snippetRegion(readFileSync(join(packageDir, file), 'utf8'), file);
}

/** What is wrong with a package README's code blocks; with `write`, stale blocks are rewritten first. */
export function snippetProblems(packageDir: string, write = false): string[] {
  const path = join(packageDir, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const problems: string[] = [];
  const synced = readme.replace(BLOCK, (block, file: string, shown: string) => {
    if (!existsSync(join(packageDir, file))) {
      problems.push(`README.md shows ${file}, which does not exist`);
      return block;
    }
    const region = exampleRegion(packageDir, file);
    if (region === shown) return block;
    if (!write)
      problems.push(
        `README.md block of ${file} differs from the file: edit ${file} (the block is copied from it), then run \`pnpm readme:snippets --write\``,
      );
    return `<!-- snippet: ${file} -->\n\`\`\`ts\n${region}\`\`\`\n<!-- /snippet -->`;
  });
  const fences = [...readme.matchAll(TS_FENCE)].length;
  const blocks = [...readme.matchAll(BLOCK)].length;
  if (fences !== blocks)
    problems.push(
      `README.md has ${fences - blocks} TypeScript block(s) outside <!-- snippet: … --> markers: put each in examples/<name>.ts between \`// #region readme\` and \`// #endregion\`, test it in examples/readme.test.ts`,
    );
  if (write && synced !== readme) writeFileSync(path, synced);
  return problems;
}

const PACKAGES = ['core', 'transforms', 'athena', 'sinks', 'cli'];

function main(): void {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const write = process.argv.includes('--write');
  const problems = PACKAGES.flatMap((name) =>
    snippetProblems(join(root, 'packages', name), write).map((problem) => `packages/${name}/${problem}`),
  );
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
