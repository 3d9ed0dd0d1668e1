import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the dashboard in a Lambda bundle', () => {
  it('bundles without DuckDB: it takes a QueryEngine and never loads an embedded one', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      conditions: ['@sluice/source'],
      // Native or runtime-provided packages stay out; reaching any but vega's optional `canvas` (tried
      // in a try/catch, absent here: vega then measures text without it) fails the test below.
      external: ['@duckdb/node-api', 'dynalite', 'parquet-wasm', '@aws-sdk/*', 'canvas'],
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((i) => i.path),
    );
    expect(imports.filter((path) => !path.startsWith('node:') && !isBuiltin(path))).toEqual(['canvas']);
    // Files parsed but tree-shaken away (sideEffects: false) put no bytes in the bundle.
    const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    expect(inputs.filter((path) => /duckdb/.test(path))).toEqual([]);
    expect(inputs.some((path) => path.includes('vega-lite'))).toBe(true);
  }, 60_000);
});

function isBuiltin(path: string): boolean {
  return [
    'fs',
    'path',
    'url',
    'util',
    'stream',
    'events',
    'os',
    'crypto',
    'http',
    'https',
    'zlib',
    'buffer',
  ].includes(path);
}
