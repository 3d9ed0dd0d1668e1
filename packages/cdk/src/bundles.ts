import { join } from 'node:path';
import type { TemplateJson } from './least-privilege.js';

/**
 * The folder synth wrote a Lambda's bundle to (`<outdir>/asset.<hash>`, holding `index.mjs`): the
 * artefact `cdk deploy` uploads, for tests to import and invoke. `logicalIdPrefix` picks the
 * function (`FilterOrders` matches `FilterOrders1A2B3C`).
 *
 * @example const { handler } = await import(join(bundleDir(outdir, template, 'FilterOrders'), 'index.mjs'));
 */
export function bundleDir(outdir: string, template: TemplateJson, logicalIdPrefix: string): string {
  const entries = Object.entries(template.Resources ?? {}).filter(
    ([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith(logicalIdPrefix),
  );
  if (entries.length !== 1) throw new Error(`${entries.length} functions match ${logicalIdPrefix}`);
  const key = (entries[0]?.[1].Properties?.Code as { S3Key?: unknown } | undefined)?.S3Key;
  if (typeof key !== 'string') throw new Error(`${logicalIdPrefix} has no asset S3Key`);
  return join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
}
