import { describe, expect, it } from 'vitest';
import { parseClickTime, repairCreatedAt } from './created-at.js';

describe('parseClickTime', () => {
  // Each timestamp as written → the instant in UTC; its datehour is that instant's hour.
  const instants = {
    '2022-09-11 23:00:00': '2022-09-11T23:00:00.000Z',
    '2022-09-11T23:00:00Z': '2022-09-11T23:00:00.000Z',
    '2022-09-11T23:00:00.25Z': '2022-09-11T23:00:00.250Z',
    '2022-09-11 23:00': '2022-09-11T23:00:00.000Z',
    '2022-09-11T23:30:00+02:00': '2022-09-11T21:30:00.000Z',
    '2022-09-11T23:30:00-0200': '2022-09-12T01:30:00.000Z',
    '  2022-09-11 00:00:00 UTC ': '2022-09-11T00:00:00.000Z',
  };
  it.each(Object.entries(instants))('reads %j as %s', (raw, iso) => {
    const datehour = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(11, 13)}`;
    expect(parseClickTime(raw)).toEqual({ iso, datehour });
  });

  it.each([
    ['en-dash in the date', '2022–09–11 23:00:00'],
    ['stripped \\u2013 escape in the date', '2022u201309u201311 23:00:00'],
    ['escape that kept its backslash', '2022\\u201309\\u201311 23:00:00'],
    ['en-dash as the date/time separator', '2022-09-11–23:00:00'],
    ['stripped escape as the date/time separator', '2022-09-11u201323:00:00'],
  ])('repairs an %s', (_, raw) => {
    expect(parseClickTime(raw)).toEqual({ iso: '2022-09-11T23:00:00.000Z', datehour: '2022/09/11/23' });
  });

  it('repairs an en-dash standing for a negative zone offset', () => {
    expect(parseClickTime('2022-09-11T20:00:00u201303:00')?.iso).toBe('2022-09-11T23:00:00.000Z');
  });

  const notInstants: Record<string, string> = {
    'an impossible date': '2022-02-30 10:00:00',
    'hour 24': '2022-09-11 24:00:00',
    'a date without a time': '2022-09-11',
    'free text': 'yesterday',
    'an empty string': '',
    'day-first order': '11-09-2022 23:00:00',
  };
  it.each(Object.entries(notInstants))('refuses %s', (_, raw) => {
    expect(parseClickTime(raw)).toBeUndefined();
  });
});

describe('parseClickTime on the calendar', () => {
  it('takes leap days and century years as the calendar has them', () => {
    expect(parseClickTime('2024-02-29 12:00:00')?.iso).toBe('2024-02-29T12:00:00.000Z');
    expect(parseClickTime('1900-02-29 12:00:00')).toBeUndefined();
    expect(parseClickTime('2000-02-29 12:00:00')?.datehour).toBe('2000/02/29/12');
  });
});

describe('repairCreatedAt', () => {
  it('only touches the artefacts', () => {
    expect(repairCreatedAt('2022u201309–11 23:00:00')).toBe('2022-09-11 23:00:00');
    expect(repairCreatedAt('2022-09-11 23:00:00')).toBe('2022-09-11 23:00:00');
  });
});
