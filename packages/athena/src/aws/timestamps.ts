const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,9}))?(?: ?(\S+))?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Parses Athena's `timestamp` text (`2025-01-02 03:04:05.678`, read as UTC) and
 * `timestamp with time zone` text (`… UTC`, `… +02:00`, `… Europe/Berlin`) into a Date.
 * Fractions beyond milliseconds are truncated. Returns undefined when the text is no timestamp.
 *
 * @example parseAthenaTimestamp('2025-01-02 03:04:05.678 +01:00') // 2025-01-02T02:04:05.678Z
 */
export function parseAthenaTimestamp(text: string): Date | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  const offset = zoneOffsetAt(zone, wall);
  if (offset === undefined || Number.isNaN(wall)) return undefined;
  return new Date(wall - offset);
}

// Offset of the zone from UTC, in ms, at the given wall-clock time.
function zoneOffsetAt(zone: string | undefined, wall: number): number | undefined {
  if (zone === undefined || zone === 'UTC' || zone === 'Z') return 0;
  const offset = OFFSET.exec(zone);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  try {
    // Two passes settle the offset around daylight-saving changes.
    const first = namedZoneOffset(zone, wall);
    return namedZoneOffset(zone, wall - first);
  } catch {
    return undefined;
  }
}

function namedZoneOffset(zone: string, instant: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day,
    part.hour,
    part.minute,
    part.second,
  );
  return asUtc - (instant - (instant % 1000));
}
