/**
 * Options a transform cannot work with; `detail` says which and why. Each transform throws its own
 * subclass, so a caller can tell which options to fix.
 */
export abstract class InvalidOptionsError extends Error {
  constructor(
    transform: string,
    readonly detail: string,
  ) {
    super(`invalid ${transform} options: ${detail}`);
  }
}
