import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { referenceApp } from './nag.js';

/** A reference app synthesized for a test, and where its bundles are. */
export interface SynthesizedStack<S extends Stack> {
  stack: S;
  template: Template;
  /** The cloud assembly folder (`asset.<hash>/index.mjs` bundles inside). */
  outdir: string;
  /** Deletes the assembly folder. */
  remove(): void;
}

/**
 * Synthesizes a reference app (cdk-nag registered, as `infra/app.ts` does) into a fresh
 * `.vitest-cdk-*` folder of `exampleDir` (git-ignored): inside the example, so a bundle's external
 * `@aws-sdk/*` imports resolve to the example's dev dependencies, as the Lambda runtime provides them.
 *
 * @example const orders = synthForTest((app) => new OrdersDashboardStack(app, 'Orders'), exampleDir, { bundle: false });
 */
export function synthForTest<S extends Stack>(
  create: (app: App) => S,
  exampleDir: string,
  options: { bundle?: boolean } = {},
): SynthesizedStack<S> {
  const outdir = mkdtempSync(join(exampleDir, '.vitest-cdk-'));
  // Without bundles (`bundle: false`) a wiring test skips esbuild: CDK stages no asset content.
  const context = options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {};
  const { app, stack } = referenceApp(create, { outdir, context });
  app.synth();
  return {
    stack,
    template: Template.fromStack(stack),
    outdir,
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
