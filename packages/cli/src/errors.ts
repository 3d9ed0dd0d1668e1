/** Bad arguments: the CLI prints the message and the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file that does not exist or cannot be read; the CLI exits 1 naming it. */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot read ${file}: ${fileProblem(cause)}`, { cause });
  }
}

/** An output file that cannot be written (no such folder, no permission, disk full); exits 1. */
export class UnwritableOutputError extends Error {
  override readonly name = 'UnwritableOutputError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot write ${file}: ${fileProblem(cause)}`, { cause });
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
};

/** Why a file operation failed, in words that never name the temporary file behind it. */
export function fileProblem(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  if (typeof code === 'string') return code;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * The one line the CLI prints for an error that is not a usage error: the message's first line, or
 * for a file system error the file and the problem instead of Node's `ENOENT: …, open '…'`.
 */
export function cliMessage(error: unknown): string {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code === 'string' && typeof path === 'string') return `${path}: ${fileProblem(error)}`;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
