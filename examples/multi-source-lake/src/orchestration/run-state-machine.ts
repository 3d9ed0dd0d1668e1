import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type QueryEngine, toDuckDbCopySql, toUnloadSql } from '@sluice/athena';
import { ensurePromiseWithResolvers } from '@sluice/cdk/local';
import type { ObjectStore } from '@sluice/core/storage';
import type { IntegrationScores } from '@sluice/transforms/analytics';
import { StateMachine } from 'aws-local-stepfunctions';
import { compactionSpec } from '../analytics/compaction.js';
import type { NamedRows } from '../analytics/summaries.js';
import { LakeTaskInputError } from '../errors.js';
import { type AnalyticsInput, lakeAnalytics } from '../handlers/analytics.js';
import { type IntegrateInput, lakeIntegration } from '../handlers/integrate.js';
import type { Domain } from '../layout.js';
import definition from './state-machine.asl.json' with { type: 'json' };
import { LAKE_STATES } from './states.js';

/** Options of {@link runLakeStateMachine}. */
export interface LakeStateMachineOptions {
  store: ObjectStore;
  /** DuckDB over the lake's tables. */
  engine: QueryEngine;
  /** The bucket's folder on disk: the compaction's DuckDB COPY writes `curated/` there. */
  bucketDir: string;
  /** `$$.Execution.Name`, which names the compacted copy (`run=<name>/`). Default `local`. */
  executionName?: string;
  onQueries?: (domain: Domain, queries: NamedRows[]) => void;
}

/**
 * Runs the deployed `data-lake-orchestration` definition (`state-machine.asl.json`, generated from
 * the CDK stack) with aws-local-stepfunctions: the Lambda tasks run the same handlers over the local
 * store and DuckDB, and each Athena UNLOAD task runs its DuckDB COPY equivalent after checking that
 * the statement it was given is the UNLOAD of the same compaction spec.
 *
 * @example const scores = await runLakeStateMachine({ store, engine, bucketDir: 'out/lake/multi-source-data-lake' });
 */
export async function runLakeStateMachine(options: LakeStateMachineOptions): Promise<IntegrationScores> {
  ensurePromiseWithResolvers();
  const analytics = lakeAnalytics({ store: options.store, engine: options.engine, ...onQueries(options) });
  const integrate = lakeIntegration(options.store);
  // The committed definition is checked with asl-validator by the stack's test (and matched to the
  // stack there): compiling the validator's schemas again on every run cost ~1 s of CPU.
  const machine = new StateMachine(definition as never, { validationOptions: { noValidate: true } });
  const execution = machine.run(
    {},
    {
      overrides: {
        taskResourceLocalHandlers: {
          [LAKE_STATES.compact.maintenance]: (input) => compactLocally(options, 'maintenance', input),
          [LAKE_STATES.compact.customers]: (input) => compactLocally(options, 'customers', input),
          [LAKE_STATES.analytics.maintenance]: (input) =>
            analytics(input as unknown as AnalyticsInput) as never,
          [LAKE_STATES.analytics.customers]: (input) =>
            analytics(input as unknown as AnalyticsInput) as never,
          [LAKE_STATES.integrate]: (input) => integrate(input as unknown as IntegrateInput) as never,
        },
      },
      context: { Execution: { Name: options.executionName ?? 'local' } },
    },
  );
  return (await execution.result) as unknown as IntegrationScores;
}

function onQueries(options: LakeStateMachineOptions) {
  return options.onQueries ? { onQueries: options.onQueries } : {};
}

/** The Athena task's UNLOAD, run as DuckDB COPY into the same key under the bucket's folder. */
async function compactLocally(options: LakeStateMachineOptions, domain: Domain, input: unknown) {
  const state = LAKE_STATES.compact[domain];
  const sql = (input as { QueryString?: unknown } | null)?.QueryString;
  const location = typeof sql === 'string' ? /\nTO '(s3:\/\/[^']+)'/.exec(sql)?.[1] : undefined;
  if (location === undefined) throw new LakeTaskInputError(state, 'QueryString has no UNLOAD … TO location');
  const spec = compactionSpec(domain, location);
  if (toUnloadSql(spec) !== sql)
    throw new LakeTaskInputError(state, `QueryString is not the UNLOAD of ${domain}`);
  const directory = join(options.bucketDir, location.replace(/^s3:\/\/[^/]+\//, ''));
  await mkdir(directory, { recursive: true });
  await options.engine.execute(toDuckDbCopySql(spec, directory));
  return { QueryExecution: { Status: { State: 'SUCCEEDED' } } };
}
