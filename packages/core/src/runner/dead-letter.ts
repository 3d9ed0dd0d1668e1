import type { Rejection } from '../outcome/outcome.js';
import type { KinesisInput } from './kinesis-runner.js';
import type { DeadLetter } from './report.js';

/**
 * A dead-lettered Kinesis record as a quarantine entry: not lost, but kept with its stream position
 * (stream, sequence number, partition key), as a mapping's on-failure destination would hold it.
 *
 * @example const rejections = report.deadLetters.map((letter) => kinesisDeadLetterRejection('events', letter));
 */
export function kinesisDeadLetterRejection(stream: string, letter: DeadLetter<KinesisInput>): Rejection {
  const cause = `${letter.reason}${letter.error ? `: ${letter.error}` : ''}`;
  return {
    reason: 'dead-letter',
    message: `${stream}#${letter.id}: gave up after ${letter.attempts} deliveries (${cause})`,
    position: { kind: 'stream', stream, sequenceNumber: letter.id, partitionKey: letter.record.partitionKey },
    raw: JSON.stringify(letter.record.data),
  };
}
