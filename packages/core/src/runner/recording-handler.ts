/**
 * A handler for runner tests: keeps a copy of every event it is called with, then answers with
 * `respond` (given the event and the call's number, from 1). Test-only; not exported by core.
 *
 * @example const seen = recording<SqsEvent>((_, call) => { if (call === 1) throw new Error('cold start'); });
 */
export function recording<E>(respond: (event: E, call: number) => unknown = () => undefined) {
  const events: E[] = [];
  const handler = async (event: E) => {
    events.push(structuredClone(event));
    return respond(event, events.length);
  };
  return { events, handler };
}
