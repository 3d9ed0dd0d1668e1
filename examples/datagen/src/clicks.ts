import { type DatasetOptions, type Line, resolve } from './options.js';
import { Random, sqlTimestamp } from './random.js';

export interface ClicksOptions extends DatasetOptions {
  /** First click time (UTC). Default 2022-09-11T08:00:00Z. */
  start?: string;
}

const CATEGORIES = [
  ['drink', 30],
  ['starter', 20],
  ['main', 30],
  ['dessert', 15],
  ['side', 5],
] as const;

const MENUS = ['restaurant_name', 'happy_hour', 'lunch_specials', 'kids_menu'] as const;

/**
 * Click events as JSON Lines, the body API Gateway hands Firehose in seed 001. A few carry the
 * ingest artefacts the transform repairs (en-dash, `u2013`); the dirty share is undecodable or invalid.
 *
 * @example for (const line of clicksJsonl({ rows: 500 })) out.write(line);
 */
export function* clicksJsonl(options: ClicksOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  let time = Date.parse(options.start ?? '2022-09-11T08:00:00Z');
  for (let i = 0; i < rows; i++) {
    time += random.int(0, 20_000);
    const click = {
      element_clicked: `${random.weighted(CATEGORIES)}_${random.int(1, 12)}`,
      time_spent: random.int(1, 120),
      source_menu: random.pick(MENUS),
      created_at: withArtefact(sqlTimestamp(time), random),
    };
    yield `${random.chance(dirty) ? spoil(click, random) : JSON.stringify(click)}\n`;
  }
}

function withArtefact(timestamp: string, random: Random): string {
  const roll = random.next();
  if (roll < 0.02) return timestamp.replaceAll('-', '–');
  if (roll < 0.04) return timestamp.replaceAll('-', 'u2013');
  return timestamp;
}

function spoil(click: Record<string, unknown>, random: Random): string {
  const kind = random.int(0, 3);
  if (kind === 0) return JSON.stringify(click).slice(0, -3);
  if (kind === 1) return JSON.stringify({ ...click, element_clicked: undefined });
  if (kind === 2) return JSON.stringify({ ...click, created_at: 'sometime' });
  return JSON.stringify({ ...click, element_clicked: 'drink' });
}
