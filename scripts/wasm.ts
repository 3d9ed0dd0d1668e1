// Assembles the WebAssembly text sources of the packages into the TypeScript modules that embed
// them (base64), so a bundled Lambda carries the bytes without a file beside it.
// Run: `pnpm wasm` writes them; `pnpm wasm --check` fails when one is out of date (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

/** Each text source and the module that embeds it, relative to the repository root. */
export const WASM_SOURCES = [
  { wat: 'packages/core/src/codecs/csv-marks.wat', module: 'packages/core/src/codecs/csv-marks-wasm.ts' },
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The embedding module's text for one source, as `pnpm wasm` writes it. */
export async function embeddedModule(wat: string): Promise<string> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(wat, readFileSync(ROOT + wat, 'utf8'), { simd: true });
  try {
    parsed.validate();
    const { buffer } = parsed.toBinary({});
    const base64 = Buffer.from(buffer).toString('base64');
    return [
      `// Generated from ${wat.split('/').pop()} by \`pnpm wasm\`: do not edit.`,
      `export const WASM_BASE64 =\n  '${base64}';`,
      '',
    ].join('\n');
  } finally {
    parsed.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  for (const { wat, module } of WASM_SOURCES) {
    const text = await embeddedModule(wat);
    if (!check) writeFileSync(ROOT + module, text);
    else if (readFileSync(ROOT + module, 'utf8') !== text) {
      console.error(`${module} is out of date with ${wat}: run pnpm wasm`);
      process.exitCode = 1;
    }
  }
}
