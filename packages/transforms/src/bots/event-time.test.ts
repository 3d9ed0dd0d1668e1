import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventTime, readEventTime } from './event-time.js';

describe('parseEventTime', () => {
  it.each([
    ['2019-11-01 00:00:00 UTC', Date.UTC(2019, 10, 1)],
    ['2019-11-01 23:59:59 UTC', Date.UTC(2019, 10, 1, 23, 59, 59)],
    ['2019-11-01 00:00:00', Date.UTC(2019, 10, 1)],
    ['2019-11-01T00:00:00Z', Date.UTC(2019, 10, 1)],
    ['2020-02-29 12:00:00 UTC', Date.UTC(2020, 1, 29, 12)],
    ['2000-02-29 00:00:00 UTC', Date.UTC(2000, 1, 29)],
    ['1969-12-31 23:59:59 UTC', -1000],
  ])('reads %s', (text, ms) => {
    expect(parseEventTime(text)).toBe(ms);
  });

  const notTimes: Record<string, string> = {
    'no 29 February in 2019': '2019-02-29 00:00:00 UTC',
    'none in 1900 either': '1900-02-29 00:00:00 UTC',
    'no 31 April': '2019-04-31 00:00:00 UTC',
    'month 13': '2019-13-01 00:00:00 UTC',
    'hour 24': '2019-11-01 24:00:00 UTC',
    'minute 60': '2019-11-01 00:60:00 UTC',
    'another zone': '2019-11-01 00:00:00 CET',
    'a trailing space': '2019-11-01 00:00:00 UTC ',
    'a one-digit day': '2019-11-1 00:00:00 UTC',
    slashes: '2019/11/01 00:00:00 UTC',
    'a letter in the hour': '2019-11-01 0a:00:00 UTC',
    'an Arabic-Indic digit': '2019-11-01 00:00:0\u0661 UTC',
    'a no-break space between date and time': '2019-11-01\u00a000:00:00',
    nothing: '',
  };
  it.each(Object.entries(notTimes))('refuses %s', (_, text) => {
    expect(parseEventTime(text)).toBeNaN();
  });

  it('reads bytes as it reads text, whatever sits around them', () => {
    const bytes = Buffer.from('x,2019-11-01T00:00:01Z,2019-11-02 00:00:02 UTC,2019-02-29 00:00:00');
    expect(readEventTime(bytes, 2, 22)).toBe(Date.UTC(2019, 10, 1, 0, 0, 1));
    expect(readEventTime(bytes, 23, 46)).toBe(Date.UTC(2019, 10, 2, 0, 0, 2));
    expect(readEventTime(bytes, 47, 66)).toBeNaN();
    expect(readEventTime(bytes, 23, 45)).toBeNaN();
  });

  it('agrees with Date.UTC on every second of four centuries', () => {
    const instant = fc.integer({ min: Date.UTC(1800, 0, 1) / 1000, max: Date.UTC(2200, 0, 1) / 1000 });
    fc.assert(
      fc.property(instant, (seconds) => {
        const iso = new Date(seconds * 1000).toISOString();
        expect(parseEventTime(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`)).toBe(seconds * 1000);
      }),
    );
  });
});
