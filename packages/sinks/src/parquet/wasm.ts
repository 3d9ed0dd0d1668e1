import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import init from 'parquet-wasm/esm';
import { ParquetWasmNotFoundError } from './errors.js';

/** Where to load parquet-wasm's `.wasm` from: a file path, a file URL, or the bytes themselves. */
export type ParquetWasmSource = string | URL | Uint8Array;

/**
 * A compiled `WebAssembly.Module`, held only to hand on (to parquet-wasm's `init`, to a worker).
 * Described by shape so that our declarations need neither the DOM lib nor the `WebAssembly` namespace.
 */
export type CompiledWasmModule = object;

/** The one member of the `WebAssembly` global we call. */
interface WasmCompiler {
  compile(bytes: Uint8Array): Promise<CompiledWasmModule>;
}

const WASM_FILE = 'parquet_wasm_bg.wasm';
let loading: Promise<void> | undefined;
let compiled: CompiledWasmModule | undefined;
let loadedFrom: string | undefined;

/**
 * Loads the parquet-wasm module once per process. Without an explicit source it tries, in order:
 * `$SLUICE_PARQUET_WASM`, `parquet_wasm_bg.wasm` next to the running bundle (a Lambda zip), and the
 * copy inside the installed `parquet-wasm` package.
 *
 * @example
 * await loadParquetWasm(); // or loadParquetWasm('/opt/parquet_wasm_bg.wasm') in a Lambda layer
 */
export function loadParquetWasm(source?: ParquetWasmSource): Promise<void> {
  loading ??= instantiate(source).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(source: ParquetWasmSource | undefined): Promise<void> {
  const bytes = source instanceof Uint8Array ? source : await readWasm(source);
  // lib ES2023 declares no WebAssembly global; Node has one.
  const { WebAssembly: runtime } = globalThis as unknown as { WebAssembly: WasmCompiler };
  const module = await runtime.compile(bytes);
  await init({ module_or_path: module });
  compiled = module;
}

/** The compiled module {@link loadParquetWasm} loaded, for a worker to instantiate without reading it again. */
export function loadedParquetWasmModule(): CompiledWasmModule | undefined {
  return compiled;
}

/** The file {@link loadParquetWasm} read the module from, if it read one. */
export function loadedParquetWasmPath(): string | undefined {
  return loadedFrom;
}

async function readWasm(source: string | URL | undefined): Promise<Uint8Array> {
  const candidates = source ? [pathOf(source)] : defaultCandidates();
  for (const path of candidates) {
    try {
      const bytes = await readFile(path);
      loadedFrom = path;
      return bytes;
    } catch {
      // try the next place
    }
  }
  throw new ParquetWasmNotFoundError(candidates);
}

function defaultCandidates(): string[] {
  const candidates: string[] = [];
  if (process.env.SLUICE_PARQUET_WASM) candidates.push(process.env.SLUICE_PARQUET_WASM);
  const here = import.meta.url;
  if (here) {
    candidates.push(fileURLToPath(new URL(WASM_FILE, here)));
    try {
      candidates.push(createRequire(here).resolve(`parquet-wasm/esm/${WASM_FILE}`));
    } catch {
      // parquet-wasm is not resolvable from here (bundled); the bundle-adjacent copy must exist
    }
  }
  return candidates;
}

function pathOf(source: string | URL): string {
  return source instanceof URL ? fileURLToPath(source) : source;
}
