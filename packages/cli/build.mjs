// Bundles the `sluice` command into dist/: one small entry (`sluice.js`) that loads each command by
// its dynamic import, so `sluice --help` loads no command. The commands that stream a file (and
// query) are bundled whole, one file each under dist/commands/: Node 20 loads one module several
// times faster than the dozen shared chunks such a command would otherwise be spread over, and
// start-up is a large share of a command that filters a file in a third of a second. The others
// share chunks. Workspace packages are bundled from their TypeScript sources; native and wasm
// packages stay external and are resolved from this package's dependencies at run time.
// Run: `node packages/cli/build.mjs` (about a second).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

/** Loaded at run time from node_modules: native addons, a .wasm found beside its package, a CommonJS server. */
const EXTERNAL = ['@duckdb/node-api', 'parquet-wasm', 'dynalite'];
/** Commands bundled whole (src/commands/NAME.ts → dist/commands/NAME.js). */
const WHOLE = ['generate', 'orders', 'customers', 'bots', 'query'];
const WHOLE_IMPORT = new RegExp(`^\\./commands/(${WHOLE.join('|')})\\.js$`);
/** Shared by the entry and the whole commands, so `instanceof UsageError` holds across them. */
const ERRORS = new URL('src/errors.ts', import.meta.url).pathname;

const common = {
  absWorkingDir: new URL('.', import.meta.url).pathname,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@sluice/source'],
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS (the AWS SDK, cli-progress) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __sluiceRequire } from 'node:module';\nconst require = __sluiceRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};

/** The entry leaves the whole commands' imports as they are written: `./commands/NAME.js` beside it. */
const wholeCommandsOutside = {
  name: 'whole-commands-outside',
  setup(bundler) {
    bundler.onResolve({ filter: WHOLE_IMPORT }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** A whole command imports the entry's errors module (dist/errors.js) instead of a copy of it. */
const sharedErrors = {
  name: 'shared-errors',
  setup(bundler) {
    bundler.onResolve({ filter: /errors\.js$/ }, async (args) => {
      if (args.pluginData === 'inner') return undefined;
      const found = await bundler.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'inner',
      });
      return found.path === ERRORS ? { path: '../errors.js', external: true } : found;
    });
  },
};

const dist = new URL('dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    // The demo runs each pipeline in a process of its own, started from `demo-pipeline.js`.
    entryPoints: {
      sluice: 'src/sluice.ts',
      'demo-pipeline': 'src/demo-pipeline.ts',
      errors: 'src/errors.ts',
    },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [wholeCommandsOutside],
  }),
  build({
    ...common,
    entryPoints: Object.fromEntries(WHOLE.map((name) => [`commands/${name}`, `src/commands/${name}.ts`])),
    plugins: [sharedErrors],
  }),
]).catch(() => {
  // esbuild has printed the errors; a stack trace of its own would only hide them.
  process.exit(1);
});
