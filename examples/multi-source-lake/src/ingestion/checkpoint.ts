import type { RunReport } from '@sluice/core/outcome';
import { ObjectNotFoundError, type ObjectStore, readText } from '@sluice/core/storage';
import * as z from 'zod/mini';
import { CheckpointUnreadableError } from '../errors.js';

const counts = z.record(z.string(), z.int().check(z.nonnegative()));

const CheckpointSchema = z.object({
  /** Data rows of the raw file fully ingested and processed (or dead-lettered). */
  rows: z.int().check(z.nonnegative()),
  /** The outcomes of those rows, so a resumed run still reports the whole file. */
  kept: z.int().check(z.nonnegative()),
  dropped: counts,
  rejected: counts,
});

/** How far ingestion got: the next run skips `rows` and carries their outcomes forward. */
export type Checkpoint = z.infer<typeof CheckpointSchema>;

const START: Checkpoint = { rows: 0, kept: 0, dropped: {}, rejected: {} };

/**
 * Reads the checkpoint, or the start of the file when there is none yet.
 *
 * @example const { rows } = await readCheckpoint(store, 'state/ingestion-maintenance.json');
 */
export async function readCheckpoint(store: ObjectStore, key: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readText(store, key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return START;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CheckpointUnreadableError(key, 'not JSON');
  }
  const checked = CheckpointSchema.safeParse(parsed);
  if (!checked.success)
    throw new CheckpointUnreadableError(key, checked.error.issues[0]?.message ?? 'invalid');
  return checked.data;
}

/**
 * Records that `rows` rows are done, with the outcomes so far; written atomically by the store.
 *
 * @example await writeCheckpoint(store, key, 500, tally.report());
 */
export async function writeCheckpoint(
  store: ObjectStore,
  key: string,
  rows: number,
  report: Pick<RunReport, 'kept' | 'dropped' | 'rejected'>,
): Promise<void> {
  const checkpoint: Checkpoint = {
    rows,
    kept: report.kept,
    dropped: report.dropped,
    rejected: report.rejected,
  };
  await store.put(key, `${JSON.stringify(checkpoint)}\n`, { contentType: 'application/json' });
}
