// Bot detection on generated rees46 events. Usage: bots.ts <core|csv|csv-general> <events.csv>
// core: the window counter alone, over events parsed beforehand (user id + epoch ms), timed in-process.
// csv: end to end on one core from a file stream: detectBotsFromCsv (core's CSV reader; time and key read
// from each plain line's bytes, the schema for the rest).
// csv-general: end to end through decoded records only: CSV reader → row object → schema → BotDetector.
import { createReadStream } from 'node:fs';
import { openCsv } from '@sluice/core';
import type { BotDetection, BotEvent } from '@sluice/transforms/bots';
import {
  BotDetector,
  botEventRow,
  detectBotsFromCsv,
  findBotEventColumns,
  KeyedWindowCounter,
  parseEventTime,
  readBotEvent,
  windowSettings,
} from '@sluice/transforms/bots';
import { peakRssMb } from '../rss.js';

const [mode, input] = process.argv.slice(2) as [string, string];
const tasks: Record<string, (file: string) => Promise<Record<string, number>>> = {
  core: countParsed,
  csv: detectFromBytes,
  'csv-general': detectFromCsv,
};
const result = await (tasks[mode] ?? countParsed)(input);
console.log(JSON.stringify({ ...result, peakRssMb: peakRssMb() }));

async function countParsed(file: string) {
  const keys: string[] = [];
  const times: number[] = [];
  const csv = await openCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), { file });
  const [user, time] = [csv.column(['user_id']), csv.column(['event_time'])];
  for await (const record of csv.records) {
    if (!record.ok) continue;
    keys.push(record.value.fields[user] ?? '');
    times.push(parseEventTime(record.value.fields[time] ?? ''));
  }
  const counter = new KeyedWindowCounter(windowSettings());
  const out: BotDetection[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < keys.length; i++) counter.add(keys[i] as string, times[i] as number, out);
  counter.flush(out);
  const coreMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { events: keys.length, detections: out.length, coreMs };
}

async function detectFromBytes(file: string) {
  let maxOpenCounters = 0;
  const run = await detectBotsFromCsv(createReadStream(file, { highWaterMark: 1024 * 1024 }), {
    file,
    onChunk: ({ counters }) => {
      maxOpenCounters = Math.max(maxOpenCounters, counters);
    },
  });
  return { events: run.report.read, detections: run.detections.length, maxOpenCounters };
}

async function detectFromCsv(file: string) {
  const detector = new BotDetector();
  const csv = await openCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), { file });
  const columns = findBotEventColumns(csv, file);
  let batch: BotEvent[] = [];
  let events = 0;
  let detections = 0;
  let maxOpenWindows = 0;
  for await (const record of csv.records) {
    if (!record.ok) continue;
    const event = readBotEvent(botEventRow(columns, record.value.fields));
    if (event.ok) batch.push(event.value);
    if (batch.length < 4096) continue;
    events += batch.length;
    detections += detector.push(batch).length;
    maxOpenWindows = Math.max(maxOpenWindows, detector.stateSize.counters);
    batch = [];
  }
  events += batch.length;
  detections += detector.push(batch).length + detector.flush().length;
  return { events, detections, maxOpenCounters: maxOpenWindows };
}
