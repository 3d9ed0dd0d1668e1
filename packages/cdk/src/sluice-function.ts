import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Which parquet-wasm files ship beside the bundle: the module, or the module and its JavaScript (worker encoding). */
export type ParquetWasmFiles = 'module' | 'module-and-glue';

/** Props of {@link SluiceFunction}. */
export interface SluiceFunctionProps {
  /** The handler module (a `.ts` file of an example's `src/handlers/`). */
  entry: string;
  /** The exported function Lambda calls. Default `handler`. */
  handler?: string;
  description?: string;
  /** The handler's configuration: what the local runner passes as `env`. */
  environment?: Record<string, string>;
  /** Default 512 MB. */
  memorySize?: number;
  /** Default 1 minute. */
  timeout?: Duration;
  /** Default one month. */
  logRetention?: RetentionDays;
  /** Ship parquet-wasm (the one `@sluice/sinks` loads) beside the bundle. Default: none. */
  parquetWasm?: ParquetWasmFiles;
  /**
   * Modules left out of the bundle besides `@aws-sdk/*`: optional imports the code tries and does
   * without (vega's `canvas`). Default: none.
   */
  external?: readonly string[];
}

const WASM_MODULE = 'parquet_wasm_bg.wasm';
const WASM_GLUE = 'parquet_wasm.js';
// ESM bundles have no `require`; CommonJS dependencies bundled into them still call it.
const REQUIRE_SHIM =
  "import{createRequire as __sluiceRequire}from'node:module';const require=__sluiceRequire(import.meta.url);";

/**
 * A Sluice handler as a Lambda: bundled by the workspace's esbuild (never Docker) into one ESM file
 * with the `@sluice/source` condition, Node.js 22 on arm64, the AWS SDK left to the runtime, its own
 * log group with a retention, and a role that may write only to that log group (grant the rest).
 *
 * @example
 * const filter = new SluiceFunction(this, 'FilterOrders', {
 *   entry: fileURLToPath(new URL('../src/handlers/filter-orders.ts', import.meta.url)),
 *   environment: { ORDERS_MAX_AGE_DAYS: '30' },
 *   parquetWasm: 'module',
 * });
 * bucket.grantRead(filter, 'raw/*');
 */
export class SluiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: SluiceFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const root = workspaceRoot(props.entry);
    super(scope, id, {
      entry: props.entry,
      handler: props.handler ?? 'handler',
      ...(props.description !== undefined && { description: props.description }),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(1),
      ...(props.environment && { environment: props.environment }),
      logGroup,
      role,
      projectRoot: root,
      depsLockFilePath: join(root, 'pnpm-lock.yaml'),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        externalModules: ['@aws-sdk/*', ...(props.external ?? [])],
        esbuildArgs: { '--conditions': '@sluice/source' },
        banner: REQUIRE_SHIM,
        // Not minified and no source map: stack traces stay readable, and a map's paths would
        // depend on the synth folder, so the same code would hash differently per synth.
        minify: false,
        ...(props.parquetWasm && { commandHooks: copyParquetWasm(props.entry, props.parquetWasm) }),
      },
    });
    logGroup.grantWrite(role);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime Sluice is built and tested for (DESIGN §7); moving to 24 is a tested upgrade, not a default',
    });
  }
}

/** The pnpm workspace holding `entry`: esbuild runs there so workspace packages resolve. */
function workspaceRoot(entry: string): string {
  let dir = dirname(resolve(entry));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${entry}`);
    dir = parent;
  }
  return dir;
}

/** Copies the parquet-wasm that `@sluice/sinks` would load into the bundle folder (see its `loadParquetWasm`). */
function copyParquetWasm(entry: string, files: ParquetWasmFiles) {
  const sinks = createRequire(resolve(entry)).resolve('@sluice/sinks/package.json');
  const wasm = createRequire(sinks).resolve(`parquet-wasm/esm/${WASM_MODULE}`);
  const sources = files === 'module' ? [wasm] : [wasm, join(dirname(wasm), WASM_GLUE)];
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_input: string, output: string) => sources.map((file) => `cp "${file}" "${output}/"`),
  };
}
