import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rejection } from '../outcome/outcome.js';
import { isBalanced } from '../outcome/report.js';
import { type IngestEndpoint, startIngestEndpoint } from './http-ingest-endpoint.js';

const click =
  '{"element_clicked":"drink_3","time_spent":14,"source_menu":"restaurant_name","created_at":"2022-09-11 23:00:00"}';

let endpoint: IngestEndpoint;
let received: string[];
let rejections: Rejection[];

beforeEach(async () => {
  received = [];
  rejections = [];
  const stream = { put: async (records: readonly string[]) => records.map((r) => String(received.push(r))) };
  endpoint = await startIngestEndpoint({
    stream,
    path: '/clicks',
    maxBodyBytes: 1_000,
    onReject: (r) => rejections.push(r),
  });
});

afterEach(() => endpoint.close());

/** The JSON answers of the endpoint, as far as the tests read them. */
interface Answer {
  error?: string;
  requestId?: string;
  RecordId?: string;
  FailedPutCount?: number;
  RequestResponses?: Record<string, string>[];
}

async function post(body: string) {
  const response = await fetch(endpoint.url, { method: 'POST', body });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe('POST /clicks', () => {
  it('puts the seed’s one-click body as one record and answers its RecordId', async () => {
    expect(await post(click)).toEqual({ status: 200, body: { RecordId: '1' } });
    expect(received).toEqual([click]);
  });

  it('puts each click of a JSON array and answers like PutRecordBatch', async () => {
    const { status, body } = await post(`[${click},${click}]`);
    expect(status).toBe(200);
    expect(body).toEqual({ FailedPutCount: 0, RequestResponses: [{ RecordId: '1' }, { RecordId: '2' }] });
    expect(received.map((r) => JSON.parse(r))).toEqual([JSON.parse(click), JSON.parse(click)]);
  });

  it('takes a JSON value written over several lines whole, not as JSON Lines', async () => {
    const pretty = JSON.stringify(JSON.parse(click), null, 2);
    expect(await post(pretty)).toEqual({ status: 200, body: { RecordId: '1' } });
    const { body } = await post(`[\n${click},\n${click}\n]`);
    expect(body).toEqual({ FailedPutCount: 0, RequestResponses: [{ RecordId: '2' }, { RecordId: '3' }] });
    expect(received).toEqual([pretty, click, click]);
  });

  it('fails only the JSON Lines lines that are not JSON, naming request and line', async () => {
    const { status, body } = await post(`${click}\n{"truncated":\n${click}\n`);
    expect(status).toBe(200);
    expect(body.FailedPutCount).toBe(1);
    expect(body.RequestResponses?.[1]).toMatchObject({ ErrorCode: 'InvalidJson' });
    expect(received).toHaveLength(2);
    expect(rejections).toEqual([
      expect.objectContaining({
        reason: 'invalid-json',
        position: { kind: 'message', messageId: 'req-00000001:2' },
      }),
    ]);
  });

  it('answers 400 with a JSON error for a body that is not JSON, and keeps it as a rejection', async () => {
    const { status, body } = await post(click.slice(0, -3));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid-json', requestId: 'req-00000001' });
    expect(received).toEqual([]);
    expect(rejections[0]).toMatchObject({ reason: 'invalid-json', raw: click.slice(0, -3) });
  });

  it('answers 400 for an empty body or an empty array', async () => {
    expect((await post('')).status).toBe(400);
    expect((await post('[]')).body.error).toBe('empty-body');
  });

  it('answers 413 above the size limit and stays usable on the same connection', async () => {
    const { status, body } = await post(`[${Array(20).fill(click).join(',')}]`);
    expect(status).toBe(413);
    expect(body.error).toBe('body-too-large');
    expect((await post(click)).status).toBe(200);
  });

  it('answers 404 elsewhere and 405 with Allow for other methods, outside the click account', async () => {
    const missing = await fetch(endpoint.url.replace('/clicks', '/orders'), { method: 'POST', body: click });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Answer).error).toBe('not-found');
    const get = await fetch(endpoint.url);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(endpoint.misrouted()).toBe(2);
    expect(endpoint.report().read).toBe(0);
  });

  it('accounts for every click: accepted ones kept, refused ones rejected by reason', async () => {
    await post(click);
    await post('nope');
    await post(`${click}\nnope`);
    const report = endpoint.report();
    expect(report).toMatchObject({ read: 4, kept: 2, rejected: { 'invalid-json': 2 } });
    expect(isBalanced(report)).toBe(true);
  });
});
