import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDir } from './bundles.js';
import { leastPrivilegeFindings } from './least-privilege.js';
import { awsSolutionsErrors, referenceApp } from './nag.js';
import { SluiceFunction } from './sluice-function.js';

const entry = fileURLToPath(new URL('./fixtures/echo-handler.ts', import.meta.url));
let outdir: string;
let template: Template;
let stack: Stack;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'sluice-cdk-'));
  const built = referenceApp(
    (app) => {
      const stack = new Stack(app, 'Echo');
      new SluiceFunction(stack, 'Echo', {
        entry,
        environment: { GREETING: 'hi' },
        parquetWasm: 'module-and-glue',
      });
      return stack;
    },
    { outdir },
  );
  built.app.synth();
  stack = built.stack;
  template = Template.fromStack(stack);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('SluiceFunction', () => {
  it('is Node.js 22 on arm64 with its environment, a log group with retention and no managed policy', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: { Variables: { GREETING: 'hi' } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('ManagedPolicyArns');
  });

  it('passes the least-privilege rules and cdk-nag', () => {
    expect(leastPrivilegeFindings(template.toJSON())).toEqual([]);
    expect(awsSolutionsErrors(stack)).toEqual([]);
  });

  it('bundles one ESM file that runs, with parquet-wasm beside it', async () => {
    const dir = bundleDir(outdir, template.toJSON(), 'Echo');
    expect(existsSync(join(dir, 'parquet_wasm_bg.wasm')) && existsSync(join(dir, 'parquet_wasm.js'))).toBe(
      true,
    );
    const { handler } = await import(pathToFileURL(join(dir, 'index.mjs')).href);
    await expect(handler({ n: 1 })).resolves.toMatchObject({ event: { n: 1 } });
  });
});
