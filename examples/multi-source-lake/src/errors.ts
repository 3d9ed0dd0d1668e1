/** Thrown when the ingestion checkpoint object cannot be understood; delete it to start over. */
export class CheckpointUnreadableError extends Error {
  override readonly name = 'CheckpointUnreadableError';
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`checkpoint ${key} is unreadable (${detail}); delete it to ingest from the start`);
  }
}

/** Thrown at cold start when the environment lacks a setting the deployed handlers need. */
export class LakeConfigError extends Error {
  override readonly name = 'LakeConfigError';
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`environment ${variable}: ${detail}`);
  }
}

/** Thrown when a lake task (ingestion, analytics, integration) is invoked with an input it cannot use. */
export class LakeTaskInputError extends Error {
  override readonly name = 'LakeTaskInputError';
  constructor(
    readonly task: string,
    detail: string,
  ) {
    super(`${task}: ${detail}`);
  }
}
