/** Thrown when a cross-domain score needs a domain that has no data (a mean over nothing). */
export class EmptyDomainError extends Error {
  override readonly name = 'EmptyDomainError';
  constructor(
    readonly domain: 'maintenance' | 'customers' | 'run reports',
    readonly metric: string,
  ) {
    super(`${metric} needs ${domain} data, but the ${domain} summary is empty`);
  }
}
