import { open } from 'node:fs/promises';
import { decodeText } from '@sluice/core/codecs';
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
 * Each non-blank line is a message body, as it is: core's decoder removes a leading BOM, and a CR
 * before the LF is cut. Nothing is parsed here: the handler reads the body, as on AWS.
 */
async function* bodies(file: string): AsyncGenerator<SqsInput> {
  const handle = await open(file).catch((cause: unknown) => {
    throw new TransactionInputError(file, { cause });
  });
  try {
    let pending = '';
    for await (const text of decodeText(handle.createReadStream({ autoClose: false }), 'utf-8')) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (!isBlank(line)) yield { body: withoutCr(line) };
    }
    if (!isBlank(pending)) yield { body: withoutCr(pending) };
  } catch (cause) {
    throw new TransactionInputError(file, { cause });
  } finally {
    await handle.close();
  }
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

const isBlank = (line: string) => line.trim() === '';
