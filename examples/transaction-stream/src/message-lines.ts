import { open } from 'node:fs/promises';
import { readJsonLines } from '@sluice/core/codecs';
import type { SqsInput } from '@sluice/core/runner';
import { TransactionInputError } from './errors.js';

/**
 * The messages of a JSON Lines file, one SQS body per non-empty line, kept as text: a line that is
 * not JSON still becomes a message, so the handler quarantines it with its message id as SQS would.
 * The file is checked before anything else happens, so a wrong path fails at once, naming it.
 *
 * @example await runSqsQueue(await messageLines('messages.jsonl'), handler);
 */
export async function messageLines(file: string): Promise<AsyncIterable<SqsInput>> {
  await readable(file);
  return bodies(file);
}

async function readable(file: string): Promise<void> {
  const handle = await open(file).catch((cause: unknown) => {
    throw new TransactionInputError(file, { cause });
  });
  try {
    if (!(await handle.stat()).isFile()) {
      throw new TransactionInputError(file, { cause: new Error('it is not a file') });
    }
  } finally {
    await handle.close();
  }
}

/**
 * Opens the file only when the runner starts reading, so an unread source holds no descriptor.
 * Core's JSON Lines reader splits the lines (a leading BOM removed, CRLF too); a line that is not
 * JSON is still sent, as its text, for the handler to quarantine.
 */
async function* bodies(file: string): AsyncGenerator<SqsInput> {
  const handle = await open(file).catch((cause: unknown) => {
    throw new TransactionInputError(file, { cause });
  });
  try {
    const lines = readJsonLines(handle.createReadStream({ autoClose: false }), {
      file,
      encoding: 'utf-8',
      keepRaw: true,
      maxLineBytes: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      const body = line.ok ? line.value.raw : line.rejection.raw;
      if (body !== undefined) yield { body };
    }
  } catch (cause) {
    throw new TransactionInputError(file, { cause });
  } finally {
    await handle.close();
  }
}
