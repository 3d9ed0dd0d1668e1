// `pnpm --filter @sluice/example-multi-source-lake run definition`: writes the orchestration's
// definition, as synth renders it, to src/orchestration/state-machine.asl.json, which the local run
// executes; infra/orchestration.test.ts fails when the committed file differs from a fresh synth.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stateMachineDefinition, synthForTest } from '@sluice/cdk';
import { MultiSourceLakeStack } from './stack.js';

/** Where the local run reads the definition from. */
export const DEFINITION_FILE = fileURLToPath(
  new URL('../src/orchestration/state-machine.asl.json', import.meta.url),
);

/** The synthesized definition, rendered as a deployment would, as JSON text. */
export function definitionText(stack: { template: { toJSON(): object } }): string {
  return `${JSON.stringify(stateMachineDefinition(stack.template.toJSON(), 'LakeOrchestration'), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lake = synthForTest(
    (app) => new MultiSourceLakeStack(app, 'SluiceMultiSourceLake'),
    fileURLToPath(new URL('..', import.meta.url)),
    { bundle: false },
  );
  writeFileSync(DEFINITION_FILE, definitionText(lake));
  lake.remove();
  // In the repository's JSON style, so `pnpm lint` passes; the test compares the parsed definition.
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', DEFINITION_FILE], { stdio: 'inherit' });
}
