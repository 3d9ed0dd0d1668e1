import { Agent, request } from 'node:http';

/** Options of {@link postBodies}. */
export interface PostBodiesOptions {
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
}

/** How the endpoint answered: requests sent and their count per HTTP status. */
export interface PostedBodies {
  sent: number;
  statuses: Record<number, number>;
}

/**
 * Sends each body to the endpoint with `POST`, as clients would, over a keep-alive agent with a few
 * requests in flight, and counts the answers by status.
 *
 * @example const { statuses } = await postBodies(endpoint.url, jsonLinesBatches(lines, 50), { concurrency: 8 });
 */
export async function postBodies(
  url: string,
  bodies: AsyncIterable<string> | Iterable<string>,
  options: PostBodiesOptions = {},
): Promise<PostedBodies> {
  const concurrency = options.concurrency ?? 8;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const pending = toAsyncIterator(bodies);
  const posted: PostedBodies = { sent: 0, statuses: {} };
  const worker = async () => {
    for (let next = await pending.next(); !next.done; next = await pending.next()) {
      const status = await post(url, next.value, agent);
      posted.sent++;
      posted.statuses[status] = (posted.statuses[status] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return posted;
}

function post(url: string, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const sending = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } });
    sending.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sending.on('error', reject);
    sending.end(body);
  });
}

/** One iterator the workers share; an async generator queues their `next()` calls. */
async function* toAsyncIterator<T>(values: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* values;
}

/**
 * Groups lines into JSON Lines bodies of `size` lines (the endpoint's batch form), so a demo of
 * thousands of records takes tens of requests instead of thousands.
 *
 * @example await postBodies(url, jsonLinesBatches(lines, 100));
 */
export async function* jsonLinesBatches(
  lines: AsyncIterable<string> | Iterable<string>,
  size: number,
): AsyncGenerator<string> {
  let batch: string[] = [];
  for await (const line of lines) {
    batch.push(line);
    if (batch.length < size) continue;
    yield batch.join('\n');
    batch = [];
  }
  if (batch.length > 0) yield batch.join('\n');
}
