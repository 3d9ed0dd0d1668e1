/** Thrown when a dashboard query shipped with the pipeline is not where or what it should be. */
export class DashboardQueryError extends Error {
  override readonly name = 'DashboardQueryError';
}

/** A raw orders file whose columns are not the processed table's, in its order: no query could read it right. */
export class UnexpectedColumnsError extends Error {
  override readonly name = 'UnexpectedColumnsError';
  constructor(
    readonly file: string,
    readonly expected: readonly string[],
    readonly found: readonly string[],
  ) {
    super(
      `${file}:1: the processed table reads columns ${expected.join(', ')} in this order; the file has ${found.join(', ')}`,
    );
  }
}
