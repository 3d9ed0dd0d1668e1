import { EventReader } from './event-shape.js';

/**
 * Each record of an event's `Records`, read by `read`; throws `LambdaEventShapeError` naming the
 * service and the path when the event is not one of its events. Internal to core (the event parsers).
 *
 * @example eventRecords('SQS', event, (record) => record.string('messageId'))
 */
export function eventRecords<T>(service: string, event: unknown, read: (record: EventReader) => T): T[] {
  return new EventReader(service, '', event).array('Records').map(read);
}
