/** Athena operations the fake answers. */
export type AthenaFakeOperation =
  | 'StartQueryExecution'
  | 'GetQueryExecution'
  | 'GetQueryResults'
  | 'StopQueryExecution';

/** What the fake received in a StartQueryExecution call. */
export interface FakeStartRequest {
  sql: string;
  /** `ExecutionParameters` exactly as sent: SQL literal strings. */
  parameters: string[];
  clientRequestToken?: string;
  workGroup?: string;
  database?: string;
  catalog?: string;
  outputLocation?: string;
}

/** A column of a scripted result, with its Athena type (`bigint`, `array`, `timestamp with time zone`…). */
export interface FakeColumn {
  name: string;
  type: string;
}

/** How a scripted query ends. `RUNNING` never ends (for deadline and abort tests). */
export type FakeOutcome =
  | {
      state: 'SUCCEEDED';
      columns: FakeColumn[];
      /** Values in Athena's text form; null is SQL NULL (no VarCharValue). */
      rows: (string | null)[][];
      statementType?: 'DML' | 'DDL' | 'UTILITY';
      dataScannedInBytes?: number;
      engineExecutionTimeInMillis?: number;
    }
  | { state: 'FAILED'; reason: string; errorCategory?: 1 | 2 | 3; errorType?: number; retryable?: boolean }
  | { state: 'CANCELLED'; reason?: string }
  | { state: 'RUNNING' };

/** A scripted query: QUEUED then RUNNING for `runningPolls` GetQueryExecution calls, then the outcome. */
export interface FakeQueryPlan {
  runningPolls?: number;
  outcome: FakeOutcome;
}

/** Answers a StartQueryExecution with a plan; may inspect the SQL and parameters it received. */
export type FakeScript = (request: FakeStartRequest) => FakeQueryPlan;

/** One request the fake served, for assertions. */
export interface FakeCall {
  operation: string;
  input: Record<string, unknown>;
}
