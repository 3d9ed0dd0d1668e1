/** Bad arguments: the CLI prints the message and the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file the CLI could not use; the message names the file and says why in plain words. */
class FileAccessError extends Error {
  constructor(
    readonly file: string,
    action: 'read' | 'write',
    cause: unknown,
  ) {
    super(`cannot ${action} ${file}: ${fileProblem(cause)}`, { cause });
  }
}

/** An input file that does not exist or cannot be read; the CLI exits 1 naming it. */
export class UnreadableInputError extends FileAccessError {
  override readonly name = 'UnreadableInputError';
  constructor(file: string, cause: unknown) {
    super(file, 'read', cause);
  }
}

/** An output file that cannot be written (no such folder, no permission, disk full); exits 1. */
export class UnwritableOutputError extends FileAccessError {
  override readonly name = 'UnwritableOutputError';
  constructor(file: string, cause: unknown) {
    super(file, 'write', cause);
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
