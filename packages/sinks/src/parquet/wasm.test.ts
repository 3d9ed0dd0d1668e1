import { describe, expect, it, vi } from 'vitest';

describe('loadParquetWasm', () => {
  it('names every place it looked when the .wasm file is missing, and can be retried', async () => {
    vi.resetModules();
    const { loadParquetWasm } = await import('./wasm.js');
    const { ParquetWasmNotFoundError } = await import('./errors.js');
    const missing = loadParquetWasm('/nowhere/parquet_wasm_bg.wasm');
    await expect(missing).rejects.toBeInstanceOf(ParquetWasmNotFoundError);
    await expect(missing).rejects.toThrow('/nowhere/parquet_wasm_bg.wasm');
    // A failed load is not remembered: the default search then finds the installed copy.
    await expect(loadParquetWasm()).resolves.toBeUndefined();
  });
});
