/** One record of a body: its data, or why that line of a JSON Lines batch is not JSON. */
export type BodyEntry = { ok: true; data: string } | { ok: false; line: number; message: string };

/** A request body read as Firehose records, or why it was refused as a whole (a 400). */
export type IngestBody =
  | { ok: true; batch: boolean; entries: BodyEntry[] }
  | {
      ok: false;
      reason: 'empty-body' | 'invalid-utf8' | 'invalid-json' | 'too-many-records';
      message: string;
    };

/** PutRecordBatch's limit. */
export const MAX_RECORDS_PER_REQUEST = 500;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a `POST` body of the ingest endpoint: one JSON value (passed on as sent, like the API
 * Gateway → Firehose integration does), a JSON array of values, or JSON Lines, one value a line. A
 * JSON Lines line that is not JSON fails alone (PutRecordBatch's per-record failure); a body with
 * nothing readable is refused whole. Only the JSON syntax is checked here: whether a value is a
 * valid record is the transform's call, so a bad one ends under the stream's error prefix instead
 * of vanishing at the door.
 *
 * @example readIngestBody(Buffer.from('{"id":1}')) // { ok: true, batch: false, entries: [{ ok: true, data: '{"id":1}' }] }
 */
export function readIngestBody(bytes: Uint8Array, maxRecords = MAX_RECORDS_PER_REQUEST): IngestBody {
  let text: string;
  try {
    text = utf8.decode(bytes).trim();
  } catch {
    return { ok: false, reason: 'invalid-utf8', message: 'the body is not UTF-8 text' };
  }
  if (text === '') return { ok: false, reason: 'empty-body', message: 'the body is empty' };
  const body = jsonLinesAtOnce(text) ?? wholeOrLines(text);
  if (body.ok && body.entries.length > maxRecords) {
    const message = `the body holds ${body.entries.length} records; at most ${maxRecords} are accepted per request`;
    return { ok: false, reason: 'too-many-records', message };
  }
  return body;
}

/**
 * A body whose first line is a JSON value on its own, with more after it (the text is trimmed), is
 * not one JSON value: it is read as JSON Lines without first parsing it whole to find that out.
 */
function jsonLinesAtOnce(text: string): IngestBody | undefined {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || !parseJson(text.slice(0, firstBreak)).ok) return undefined;
  // Never read: a body whose first line is JSON has two entries or more, one of them readable.
  return fromLines(text, '');
}

function wholeOrLines(text: string): IngestBody {
  const whole = parseJson(text);
  return whole.ok ? fromValue(text, whole.value) : fromLines(text, whole.message);
}

function fromValue(text: string, value: unknown): IngestBody {
  if (!Array.isArray(value)) return { ok: true, batch: false, entries: [{ ok: true, data: text }] };
  if (value.length === 0) return { ok: false, reason: 'empty-body', message: 'the body is an empty array' };
  return {
    ok: true,
    batch: true,
    entries: value.map((item) => ({ ok: true, data: JSON.stringify(item) })),
  };
}

function fromLines(text: string, wholeError: string): IngestBody {
  const entries: BodyEntry[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const parsed = parseJson(line);
    entries.push(
      parsed.ok ? { ok: true, data: line } : { ok: false, line: index + 1, message: parsed.message },
    );
  }
  if (entries.length < 2 || entries.every((entry) => !entry.ok)) {
    return { ok: false, reason: 'invalid-json', message: `the body is not JSON: ${wholeError}` };
  }
  return { ok: true, batch: true, entries };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
