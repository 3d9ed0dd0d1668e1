import { open } from 'node:fs/promises';
import type { SqsInput } from '@sluice/core';
import { TransactionInputError } from './errors.js';

/**
 * The messages of a JSON Lines file, one SQS body per non-empty line, kept as text: a line that is
 * not JSON still becomes a message, so the handler quarantines it with its message id as SQS would.
 * The file is opened before the first message is read, so a missing file fails with its name.
 *
 * @example await runSqsQueue(await messageLines('messages.jsonl'), handler);
 */
export async function messageLines(file: string): Promise<AsyncIterable<SqsInput>> {
  const handle = await open(file).catch((cause: unknown) => {
    throw new TransactionInputError(file, { cause });
  });
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new TransactionInputError(file, { cause: new Error('it is not a file') });
  }
  return bodies(handle, file);
}

async function* bodies(handle: Awaited<ReturnType<typeof open>>, file: string): AsyncGenerator<SqsInput> {
  try {
    for await (const line of handle.readLines({ encoding: 'utf8' })) {
      if (line.trim() !== '') yield { body: line };
    }
  } catch (cause) {
    throw new TransactionInputError(file, { cause });
  } finally {
    await handle.close();
  }
}
