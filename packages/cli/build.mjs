// Bundles the `sluice` command into dist/: one small entry (`sluice.js`) and one chunk per command,
// loaded by its dynamic import, so `sluice --help` loads no command. Workspace packages are bundled
// from their TypeScript sources; native and wasm packages stay external and are resolved from this
// package's dependencies at run time. Run: `node packages/cli/build.mjs` (about a second).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

/** Loaded at run time from node_modules: native addons, a .wasm found beside its package, a CommonJS server. */
const EXTERNAL = ['@duckdb/node-api', 'parquet-wasm', 'dynalite'];

const dist = new URL('dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  // The demo runs each pipeline in a process of its own, started from `demo-pipeline.js`.
  entryPoints: {
    sluice: 'src/sluice.ts',
    'demo-pipeline': 'src/demo-pipeline.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@sluice/source'],
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS (the AWS SDK, cli-progress) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __sluiceRequire } from 'node:module';\nconst require = __sluiceRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
}).catch(() => {
  // esbuild has printed the errors; a stack trace of its own would only hide them.
  process.exit(1);
});
