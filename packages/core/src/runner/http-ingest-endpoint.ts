import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rejection } from '../outcome/outcome.js';
import { type RunReport, RunTally } from '../outcome/report.js';
import { type BodyEntry, readIngestBody } from './http-ingest-body.js';

/** Where accepted records go: Firehose's PutRecordBatch (a `LocalDeliveryStream` locally). */
export interface PutRecordBatchTarget {
  put(records: readonly string[]): Promise<string[]>;
}

/** Options of {@link startIngestEndpoint}. */
export interface IngestEndpointOptions {
  stream: PutRecordBatchTarget;
  /** The one resource that takes records. Default `/records`. */
  path?: string;
  /** Default 0: a free port. The endpoint listens on 127.0.0.1 only. */
  port?: number;
  /** Largest body accepted; above it the answer is 413. Default 1 000 KiB, Firehose's record limit. */
  maxBodyBytes?: number;
  /** Receives each refused body with the request id as its position (access-log role). */
  onReject?: (rejection: Rejection) => void;
}

/** A running ingest endpoint. */
export interface IngestEndpoint {
  /** `http://127.0.0.1:<port><path>`. */
  url: string;
  /**
   * Records sent to `POST <path>`: records accepted are kept; bodies refused (400, 413, 503) and lines
   * of a JSON Lines batch that are not JSON are rejected by reason.
   */
  report(): RunReport;
  /** Requests answered 404 or 405 (not record traffic). */
  misrouted(): number;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

const RAW_LIMIT = 4096;

/**
 * An API Gateway → Firehose `PutRecord` integration on loopback: `POST <path>` takes one JSON value,
 * a JSON array or JSON Lines, puts one Firehose record per value and answers 200 with the record ids
 * (`{ RecordId }`, or PutRecordBatch's `{ FailedPutCount, RequestResponses }` for a batch, where a
 * line that is not JSON fails alone, positioned `<requestId>:<line>`). A body that is not JSON is a 400, a body above the limit a 413, other paths 404 and other methods 405, each with
 * a JSON `{ error, message }`.
 *
 * @example
 * const endpoint = await startIngestEndpoint({ stream, path: '/events' });
 * await fetch(endpoint.url, { method: 'POST', body: JSON.stringify(event) });
 * await endpoint.close();
 */
export async function startIngestEndpoint(options: IngestEndpointOptions): Promise<IngestEndpoint> {
  const ingest = new HttpIngest(options);
  const server = createServer((request, response) => void ingest.handle(request, response));
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${ingest.path}`,
    report: () => ingest.tally.report(),
    misrouted: () => ingest.misrouted,
    close: () => closeServer(server),
  };
}

class HttpIngest {
  readonly tally = new RunTally();
  readonly path: string;
  misrouted = 0;
  #requests = 0;
  readonly #maxBodyBytes: number;

  constructor(readonly options: IngestEndpointOptions) {
    this.path = options.path ?? '/records';
    this.#maxBodyBytes = options.maxBodyBytes ?? 1_024_000;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== this.path) return this.#misrouted(response, 404, 'not-found', `no resource at ${path}`);
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return this.#misrouted(
        response,
        405,
        'method-not-allowed',
        `${request.method} is not allowed on ${this.path}`,
      );
    }
    const requestId = `req-${String(++this.#requests).padStart(8, '0')}`;
    const body = await readBody(request, this.#maxBodyBytes);
    if (body === undefined) {
      return this.#refuse(
        response,
        413,
        requestId,
        'body-too-large',
        `the body exceeds ${this.#maxBodyBytes} bytes`,
      );
    }
    await this.#accept(response, requestId, body);
  }

  async #accept(response: ServerResponse, requestId: string, bytes: Buffer): Promise<void> {
    const body = readIngestBody(bytes);
    if (!body.ok) return this.#refuse(response, 400, requestId, body.reason, body.message, bytes);
    const records: string[] = [];
    for (const entry of body.entries) if (entry.ok) records.push(entry.data);
    let recordIds: string[];
    try {
      recordIds = await this.options.stream.put(records);
    } catch (error) {
      return this.#refuse(response, 503, requestId, 'stream-unavailable', (error as Error).message, bytes);
    }
    this.tally.keep(recordIds.length);
    if (!body.batch) return send(response, 200, { RecordId: recordIds[0] });
    send(response, 200, this.#batchAnswer(requestId, body.entries, recordIds));
  }

  /** PutRecordBatch's answer: one entry per record in order, failed lines with their error. */
  #batchAnswer(requestId: string, entries: readonly BodyEntry[], recordIds: readonly string[]) {
    let next = 0;
    const answers = entries.map((entry) => {
      if (entry.ok) return { RecordId: recordIds[next++] };
      this.#rejectLine(requestId, entry);
      return { ErrorCode: 'InvalidJson', ErrorMessage: `line ${entry.line}: ${entry.message}` };
    });
    return { FailedPutCount: entries.length - recordIds.length, RequestResponses: answers };
  }

  #rejectLine(requestId: string, entry: { line: number; message: string }): void {
    this.tally.reject('invalid-json');
    const position = { kind: 'message' as const, messageId: `${requestId}:${entry.line}` };
    this.options.onReject?.({
      reason: 'invalid-json',
      message: `line ${entry.line} is not JSON: ${entry.message}`,
      position,
    });
  }

  #refuse(
    response: ServerResponse,
    status: number,
    requestId: string,
    reason: string,
    message: string,
    raw?: Buffer,
  ) {
    this.tally.reject(reason);
    const rejection: Rejection = { reason, message, position: { kind: 'message', messageId: requestId } };
    if (raw !== undefined && raw.length <= RAW_LIMIT) rejection.raw = raw.toString('utf8');
    this.options.onReject?.(rejection);
    send(response, status, { error: reason, message, requestId });
  }

  #misrouted(response: ServerResponse, status: number, error: string, message: string): void {
    this.misrouted++;
    send(response, status, { error, message });
  }
}

/**
 * The whole body, or undefined when it is longer than `limit`. An overlong body is still read to its
 * end (and discarded) so the client, still sending, receives the 413 instead of a reset connection.
 */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function closeServer(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  server.closeIdleConnections();
  await closed;
}
