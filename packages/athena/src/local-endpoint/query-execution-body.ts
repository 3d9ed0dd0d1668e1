import { isDml, type QueryExecution } from './query-execution.js';

const ENGINE_VERSION = { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' };

/** AWS JSON timestamps are epoch seconds. */
const seconds = (ms: number) => ms / 1000;

/**
 * The `QueryExecution` of GetQueryExecution: state, reason and `AthenaError` once failed,
 * statistics (times, DataScannedInBytes) once ended, and where the result file is.
 */
export function executionBody(execution: QueryExecution): Record<string, unknown> {
  const { request, failure } = execution;
  return {
    QueryExecutionId: execution.id,
    Query: request.sql,
    StatementType: isDml(request.sql) ? 'DML' : 'DDL',
    ResultConfiguration: {
      OutputLocation: `${request.outputLocation.replace(/\/?$/, '/')}${execution.id}.csv`,
    },
    QueryExecutionContext: { Database: request.database, Catalog: request.catalog },
    ...(request.parameters.length > 0 && { ExecutionParameters: request.parameters }),
    Status: {
      State: execution.state,
      SubmissionDateTime: seconds(execution.submitted),
      ...(execution.completed !== undefined && { CompletionDateTime: seconds(execution.completed) }),
      ...(failure && { StateChangeReason: failure.reason }),
      ...(execution.state === 'CANCELLED' && { StateChangeReason: 'Query was cancelled by user' }),
      ...(failure && {
        AthenaError: {
          ErrorCategory: failure.category,
          ...(failure.errorType !== undefined && { ErrorType: failure.errorType }),
          Retryable: failure.retryable,
          ErrorMessage: failure.reason,
        },
      }),
    },
    Statistics: statistics(execution),
    WorkGroup: request.workGroup,
    EngineVersion: ENGINE_VERSION,
  };
}

function statistics(execution: QueryExecution): Record<string, number> {
  const started = execution.started ?? execution.completed ?? Date.now();
  const end = execution.completed ?? Date.now();
  const engineMs = execution.started === undefined ? 0 : end - execution.started;
  return {
    EngineExecutionTimeInMillis: engineMs,
    DataScannedInBytes: execution.bytesScanned,
    TotalExecutionTimeInMillis: end - execution.submitted,
    QueryQueueTimeInMillis: started - execution.submitted,
    ServicePreProcessingTimeInMillis: 0,
    QueryPlanningTimeInMillis: 0,
    ServiceProcessingTimeInMillis: 0,
  };
}

/** GetWorkGroup's `WorkGroup`: enabled, engine version 3, its result location. */
export function workGroupBody(name: string, outputLocation: string): Record<string, unknown> {
  return {
    Name: name,
    State: 'ENABLED',
    Description: 'Sluice local Athena endpoint (DuckDB)',
    CreationTime: 0,
    Configuration: {
      ResultConfiguration: { OutputLocation: outputLocation },
      EnforceWorkGroupConfiguration: false,
      PublishCloudWatchMetricsEnabled: false,
      RequesterPaysEnabled: false,
      EngineVersion: ENGINE_VERSION,
    },
  };
}
