// Issue 7: every example Lambda handler, bundled as it is deployed, stays within its size budget and
// carries only what it asked for. Sizes are deterministic for a given lockfile, so this is a test.
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetClass, limitFor, OVER_BUDGET } from './budgets.js';
import { bundleHandler, bundleSource, discoverHandlers, type HandlerBundle, kb } from './bundle-handlers.js';

const FULL_ZOD = /node_modules\/zod\/(v4\/classic\/|v3\/|index\.js$|v4\/index\.js$)/;
const PARQUET_CODE = /node_modules\/(apache-arrow|parquet-wasm)\/|^packages\/sinks\/src\/parquet\//;
// "\0asm", the magic number of a WebAssembly module, as esbuild's binary loader would inline it.
const INLINED_BINARY_WASM = /\\0asm|\\x00asm/;
// The same in base64: core's CSV classifier is a module of a few hundred bytes embedded on purpose;
// Parquet's is megabytes.
const INLINED_BASE64_WASM = /AGFzbQ[A-Za-z0-9+/=]*/g;
const SMALL_WASM_BASE64 = 2048;

const handlers = discoverHandlers();
const bundles = new Map<string, HandlerBundle>();

// At collection time: which tests apply depends on what each handler imports. Sequential: esbuild
// is quick, and other test files share the two cores.
for (const entry of handlers) bundles.set(entry, await bundleHandler(entry));

function bundled(entry: string): HandlerBundle {
  const bundle = bundles.get(entry);
  if (!bundle) throw new Error(`${entry} was not bundled`);
  return bundle;
}

function culprits(bundle: HandlerBundle): string {
  return bundle.packages
    .slice(0, 5)
    .map((share) => `${share.name} ${kb(share.bytes)}`)
    .join(', ');
}

describe('example Lambda handler bundles', () => {
  it('finds the handlers of the examples', () => {
    expect(handlers.length).toBeGreaterThan(0);
  });

  describe.each(handlers)('%s', (entry) => {
    it('is a Lambda entry: the bundle exports `handler`', () => {
      expect(bundled(entry).exports).toContain('handler');
    });

    it('stays within its size budget', () => {
      const bundle = bundled(entry);
      const limit = limitFor(bundle);
      const what = `${entry} is ${kb(bundle.bytes)} (top: ${culprits(bundle)})`;
      expect(limit, `${what}: no budget for class ${budgetClass(bundle.requested)}`).toBeDefined();
      expect(bundle.bytes, `${what}, over its ${kb(limit ?? 0)} limit`).toBeLessThanOrEqual(limit ?? 0);
    });

    it('does not bundle full zod (only zod/mini)', () => {
      expect(bundled(entry).inputs.filter((input) => FULL_ZOD.test(input))).toEqual([]);
    });

    it('keeps the AWS SDK out: the Lambda runtime ships it', () => {
      const sdk = bundled(entry).inputs.filter((input) => /node_modules\/(@aws-sdk|@smithy)\//.test(input));
      expect(sdk).toEqual([]);
    });
  });

  const plain = handlers.filter((entry) => budgetClass(bundled(entry).requested) === 'lambda');
  const parquet = handlers.filter((entry) => budgetClass(bundled(entry).requested) === 'parquet');

  describe('handlers that do not ask for Parquet', () => {
    it.each(plain)('%s contains no Parquet or Arrow code', (entry) => {
      expect(bundled(entry).inputs.filter((input) => PARQUET_CODE.test(input))).toEqual([]);
    });
  });

  describe('handlers that write Parquet', () => {
    it.each(parquet)('%s loads the .wasm beside the bundle instead of inlining it', (entry) => {
      const bundle = bundled(entry);
      expect(bundle.inputs.filter((input) => input.endsWith('.wasm'))).toEqual([]);
      expect(bundle.assets).toEqual([]);
      expect(bundle.js).not.toMatch(INLINED_BINARY_WASM);
      const inlined = [...bundle.js.matchAll(INLINED_BASE64_WASM)].map(([base64]) => base64.length);
      expect(inlined.filter((length) => length > SMALL_WASM_BASE64)).toEqual([]);
      // loadParquetWasm looks for this file next to the bundle: the deployment must ship it there.
      expect(bundle.js).toContain('parquet_wasm_bg.wasm');
    });
  });

  it('a handler importing only @sluice/sinks/dynamodb gets no Parquet or Arrow code', async () => {
    const probe = await bundleSource(
      "export { DynamoDbSink } from '@sluice/sinks/dynamodb';\nexport const handler = () => undefined;",
      'bench/bundles',
    );
    expect(probe.inputs.some((input) => input.startsWith('packages/sinks/src/dynamodb/'))).toBe(true);
    expect(probe.inputs.filter((input) => PARQUET_CODE.test(input))).toEqual([]);
    expect(probe.bytes).toBeLessThanOrEqual(BUDGETS.lambda ?? 0);
  });

  // One test looping over the entries (not it.each), so an empty OVER_BUDGET is a passing suite.
  it('known over-budget handlers still exist and still need their exception', () => {
    for (const entry of Object.keys(OVER_BUDGET)) {
      expect(handlers).toContain(entry);
      const bundle = bundled(entry);
      const classLimit = BUDGETS[budgetClass(bundle.requested)] ?? 0;
      expect(
        bundle.bytes,
        `${entry} fits ${kb(classLimit)} now: delete its OVER_BUDGET entry`,
      ).toBeGreaterThan(classLimit);
    }
  });
});
