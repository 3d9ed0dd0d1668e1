import { MemoryObjectStore } from '@sluice/core';
import { CsvHeaderError } from '@sluice/core/codecs';
import { CsvColumnNotFoundError } from '@sluice/transforms';
import { CUSTOMER_COLUMNS } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS } from '@sluice/transforms/maintenance';
import { describe, expect, it } from 'vitest';
import { csvChunks, type IngestChunk } from './simulator.js';

const READINGS = [
  '2025-01-01 00:00:00,39,78.61,28.65,0,0.0,Normal',
  '2025-01-01 00:01:00,,50,50,0,0.0,Normal', // no machine: rejected, not sent
  '2025-01-01 00:02:00,15,98.94,"50.2",1,1.0,Normal',
  '2025-01-01 00:03:00,43,1', // ragged
  '2025-01-01 00:04:00,29,12,13,0,0.5,Normal',
];
const CANONICAL = 'timestamp,machine_id,temperature,vibration,anomaly_flag,downtime_risk,failure_type';

async function chunksOf(text: string | Buffer, from = 0, columns = MACHINE_READING_COLUMNS) {
  const store = new MemoryObjectStore();
  await store.put('raw/readings.csv', text);
  const chunks: IngestChunk[] = [];
  const options = { from, size: 2, columns, partitionKey: 'machine_id' };
  for await (const chunk of csvChunks(store, 'raw/readings.csv', options)) chunks.push(chunk);
  return chunks;
}

const summary = (chunks: IngestChunk[]) =>
  chunks.map((c) => ({
    from: c.from,
    rows: c.rows,
    keys: c.records.map((r) => r.partitionKey),
    rejected: c.rejections.map((r) => [r.reason, r.position?.kind === 'file' && r.position.line]),
  }));

describe('csvChunks', () => {
  it('sends rows keyed by the column names, in chunks, rejecting rows without a key with their line', async () => {
    const chunks = await chunksOf(`${CANONICAL}\n${READINGS.join('\n')}\n`);
    expect(summary(chunks)).toEqual([
      { from: 0, rows: 2, keys: ['39'], rejected: [['missing-partition-key', 3]] },
      { from: 2, rows: 2, keys: ['15'], rejected: [['ragged-row', 5]] },
      { from: 4, rows: 1, keys: ['29'], rejected: [] },
    ]);
    expect(chunks[0]?.records[0]?.data).toEqual({
      timestamp: '2025-01-01 00:00:00',
      machine_id: '39',
      temperature: '78.61',
      vibration: '28.65',
      anomaly_flag: '0',
      downtime_risk: '0.0',
      failure_type: 'Normal',
    });
    expect(chunks[0]?.rejections[0]).toMatchObject({
      message: 'raw/readings.csv:3: machine_id is empty',
      position: { column: 'machine_id' },
      raw: READINGS[1],
    });
  });

  it('reads headers spelled otherwise, CRLF and a BOM exactly like the canonical file', async () => {
    const canonical = await chunksOf(`${CANONICAL}\n${READINGS.join('\n')}\n`);
    const header = 'Timestamp, Machine ID ,TEMPERATURE,Vibration,anomaly-flag,Downtime_Risk,Failure Type';
    const other = await chunksOf(`\uFEFF${header}\r\n${READINGS.join('\r\n')}\r\n`);
    expect(other.map((c) => c.records)).toEqual(canonical.map((c) => c.records));
    expect(summary(other)).toEqual(summary(canonical));
  });

  it('resumes after the checkpoint without sending earlier rows again', async () => {
    const chunks = await chunksOf(`${CANONICAL}\n${READINGS.join('\n')}\n`, 3);
    expect(summary(chunks)).toEqual([{ from: 3, rows: 2, keys: ['29'], rejected: [['ragged-row', 5]] }]);
  });

  it('refuses a file without a needed column, or with two columns of one name, before sending a row', async () => {
    await expect(chunksOf(`${CANONICAL}\nA,B,C,D,E,F,G\n`, 0, CUSTOMER_COLUMNS)).rejects.toThrow(
      CsvColumnNotFoundError,
    );
    await expect(chunksOf(`${CANONICAL},Machine-ID\n`)).rejects.toThrow(CsvHeaderError);
  });
});
