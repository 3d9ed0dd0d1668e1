// Where the bytes that matter to a CSV scan are: delimiters, line ends and quotes. The scanner walks
// these marks instead of every byte; finding them is a WebAssembly SIMD loop over 16 bytes at a
// time (csv-marks.wat), several times faster than a byte loop in JavaScript.
import { WASM_BASE64 } from './csv-marks-wasm.js';

/** Bytes classified per call: what fits the module's input area (one mark at most per byte). */
const SLICE = 16 * 1024;
const MARKS_AT = 16 * 1024; // where the module writes its marks

/** One classifier: writes the marks of `bytes[from, to)` into `marks`, returns how many. */
type Classify = (bytes: Uint8Array, from: number, to: number, delimiter: number) => number;

/** The slice of the `WebAssembly` global used here (lib ES2023 declares none; Node has one). */
interface WasmRuntime {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

let compiled: object | null | undefined; // the module, null where WebAssembly is missing or refused

function wasmModule(runtime: WasmRuntime | undefined): object | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = runtime ? new runtime.Module(Buffer.from(WASM_BASE64, 'base64')) : null;
  } catch {
    compiled = null; // e.g. node --jitless: the JavaScript classifier does the same work
  }
  return compiled;
}

/** A classifier over its own module instance (scans interleave, so none shares one), and its marks. */
export function wasmClassifier(): { classify: Classify; marks: Int32Array } | undefined {
  const runtime = (globalThis as unknown as { WebAssembly?: WasmRuntime }).WebAssembly;
  const module = wasmModule(runtime);
  if (!module || !runtime) return undefined;
  const { exports } = new runtime.Instance(module);
  const memory = (exports.memory as { buffer: ArrayBuffer }).buffer;
  const run = exports.classify as (length: number, delimiter: number, base: number) => number;
  const input = new Uint8Array(memory, 0, SLICE);
  const classify: Classify = (bytes, from, to, delimiter) => {
    input.set(bytes.subarray(from, to));
    return run(to - from, delimiter, from);
  };
  return { classify, marks: new Int32Array(memory, MARKS_AT, SLICE) };
}

/** The same classifier in JavaScript, where WebAssembly is not available; a test holds them equal. */
export function scriptClassifier(): { classify: Classify; marks: Int32Array } {
  const marks = new Int32Array(SLICE);
  const classify: Classify = (bytes, from, to, delimiter) => {
    let count = 0;
    for (let i = from; i < to; i++) {
      const byte = bytes[i] as number;
      if (byte === delimiter || byte === 0x0a || byte === 0x0d || byte === 0x22) marks[count++] = i;
    }
    return count;
  };
  return { classify, marks };
}

/**
 * The positions of the delimiter, LF, CR and quote bytes of a buffer, in order, found a slice
 * at a time as the scan asks for them. The scan must call {@link reset} whenever its buffer's
 * content changes.
 *
 * @example
 * const marks = new CsvMarks(0x2c);
 * for (let at = marks.seek(bytes, 0, bytes.length); at >= 0; at = marks.next(bytes, bytes.length)) …
 */
export class CsvMarks {
  readonly #delimiter: number;
  readonly #classify: Classify;
  readonly #marks: Int32Array;
  #count = 0;
  #index = 0;
  #classifiedTo = 0; // bytes before this are classified (or were skipped over)

  constructor(delimiter: number, classifier = wasmClassifier() ?? scriptClassifier()) {
    this.#delimiter = delimiter;
    this.#classify = classifier.classify;
    this.#marks = classifier.marks;
  }

  /** Forgets every mark: the buffer now holds other bytes. */
  reset(): void {
    this.#count = 0;
    this.#index = 0;
    this.#classifiedTo = 0;
  }

  /** The first mark at or after `from` and before `length`, or -1 when there is none. */
  seek(bytes: Uint8Array, from: number, length: number): number {
    for (;;) {
      while (this.#index < this.#count) {
        const at = this.#marks[this.#index] as number;
        if (at >= from) return at;
        this.#index++;
      }
      if (!this.#classifyMore(bytes, Math.max(from, this.#classifiedTo), length)) return -1;
    }
  }

  /** The mark after the one {@link seek} or `next` returned last, or -1 when there is none. */
  next(bytes: Uint8Array, length: number): number {
    if (++this.#index < this.#count) return this.#marks[this.#index] as number;
    return this.#classifyMore(bytes, this.#classifiedTo, length) ? (this.#marks[0] as number) : -1;
  }

  #classifyMore(bytes: Uint8Array, from: number, length: number): boolean {
    this.#count = 0;
    this.#index = 0;
    while (this.#count === 0 && from < length) {
      const to = Math.min(length, from + SLICE);
      this.#count = this.#classify(bytes, from, to, this.#delimiter);
      from = to;
    }
    this.#classifiedTo = from;
    return this.#count > 0;
  }
}
