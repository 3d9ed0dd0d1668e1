import { type DatasetOptions, type Line, resolve } from './options.js';
import { Random, sqlTimestamp } from './random.js';

export interface EventsOptions extends DatasetOptions {
  /** First event time (UTC). Default 2019-11-01T00:00:00Z. */
  start?: string;
  /** Share of events produced by bots (bursts of 15–40 events in under 10 s). Default 0.02. */
  bots?: number;
  /** Mean gap between human events in ms. Default 200. */
  gapMs?: number;
}

export const EVENTS_HEADER =
  'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';

const TYPES = [
  ['view', 90],
  ['cart', 6],
  ['remove_from_cart', 2],
  ['purchase', 2],
] as const;
const CODES = [
  'electronics.smartphone',
  'appliances.sewing_machine',
  'computers.notebook',
  'apparel.shoes',
  '',
  'furniture.living_room.sofa',
];
const BRANDS = ['xiaomi', 'samsung', 'apple', 'janome', 'creed', 'lenovo', 'huawei', ''];

interface Pending {
  time: number;
  line: string;
}

/**
 * E-commerce events shaped like the rees46 dataset (seed 004), in event-time order with a little
 * jitter. 19-digit category ids exceed 2^53 and must stay strings. Bots show up as bursts.
 *
 * @example for (const line of eventsCsv({ rows: 100_000 })) out.write(line);
 */
export function* eventsCsv(options: EventsOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  const botShare = options.bots ?? 0.02;
  const pending: Pending[] = [];
  let time = Date.parse(options.start ?? '2019-11-01T00:00:00Z');
  yield `${EVENTS_HEADER}\n`;
  for (let produced = 0; produced < rows; ) {
    time += random.int(0, 2 * (options.gapMs ?? 200));
    while (pending.length > 0 && (pending[0] as Pending).time <= time && produced < rows) {
      yield (pending.shift() as Pending).line;
      produced++;
    }
    if (produced >= rows) break;
    if (random.chance(botShare / 25)) schedule(pending, burst(random, time));
    yield humanEvent(random, time, dirty);
    produced++;
  }
}

function humanEvent(random: Random, time: number, dirty: number): string {
  const user = random.int(500_000_000, 500_050_000);
  const jitter = random.chance(dirty) ? -random.int(25_000, 60_000) : -random.int(0, 3_000);
  return eventLine(random, time + jitter, user, `s-${user.toString(16)}-${Math.floor(time / 3_600_000)}`);
}

function burst(random: Random, start: number): Pending[] {
  const user = random.int(600_000_000, 600_000_500);
  const count = random.int(15, 40);
  const session = `bot-${random.hex(12)}`;
  return Array.from({ length: count }, (_, k) => {
    const time = start + Math.floor((k * 9_000) / count);
    return { time, line: eventLine(random, time, user, session) };
  });
}

function eventLine(random: Random, time: number, user: number, session: string): string {
  const code = random.pick(CODES);
  const category = `20530135${String(random.int(0, 99_999_999_999)).padStart(11, '0')}`;
  return `${sqlTimestamp(time)} UTC,${random.weighted(TYPES)},${random.int(1_000_000, 60_000_000)},${category},${code},${random.pick(BRANDS)},${(random.int(100, 200_000) / 100).toFixed(2)},${user},${session}\n`;
}

function schedule(pending: Pending[], events: Pending[]): void {
  pending.push(...events);
  pending.sort((a, b) => a.time - b.time);
}
