/** A detection could not be published (metric or alert); the batch is retried. */
export class DetectionPublishError extends Error {
  override readonly name = 'DetectionPublishError';
}

/** A shard's saved detector state is not valid JSON. */
export class DetectorStateReadError extends Error {
  override readonly name = 'DetectorStateReadError';
}
