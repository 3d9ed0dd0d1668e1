import { describe, expect, it } from 'vitest';
import { InvalidTimeZoneError } from '../dates/index.js';
import { InvalidStaleOrderOptionsError } from './errors.js';
import { classifyOrder, isStale, staleOrderRule } from './stale-order-rule.js';

const rule = staleOrderRule({ asOf: '2025-03-31' });
const decide = (status: string, orderDate: string, r = rule) => {
  const outcome = classifyOrder({ status, orderDate }, r);
  return outcome.kind === 'kept' ? 'kept' : `${outcome.kind}:${outcome.reason}`;
};

describe('classifyOrder', () => {
  it.each([
    ['pending', '2025-03-02', 'kept'], // 29 days old
    ['pending', '2025-03-01', 'kept'], // exactly 30 days old: kept
    ['pending', '2025-02-28', 'dropped:stale'], // 31 days old
    ['cancelled', '2025-02-28', 'dropped:stale'],
    ['canceled', '2025-02-28', 'dropped:stale'],
    ['  CANCELED ', '2025-02-28', 'dropped:stale'],
    ['Pending', '2025-02-28 08:00:00', 'dropped:stale'],
    ['shipped', '2020-01-01', 'kept'],
    ['confirmed', '2020-01-01', 'kept'],
    ['pending', '2025-04-30', 'kept'], // future-dated
    ['pending', '02/28/2025', 'dropped:stale'],
    ['pending', '2025/02/28', 'dropped:stale'],
    ['pending', '28-02-2025', 'dropped:stale'],
    ['pending', '2025-02-28T12:00:00Z', 'dropped:stale'],
    ['pending', '2025-02-30', 'rejected:invalid-date'],
    ['shipped', '', 'rejected:invalid-date'],
    ['shipped', 'soon', 'rejected:invalid-date'],
    ['', '2025-03-01', 'rejected:missing-status'],
    ['   ', '2025-03-01', 'rejected:missing-status'],
  ])('%j ordered %s is %s', (status, orderDate, expected) => {
    expect(decide(status, orderDate)).toBe(expected);
  });

  it('names the unreadable date in the rejection message', () => {
    const outcome = classifyOrder({ status: 'pending', orderDate: '2025-02-30' }, rule);
    expect(outcome).toMatchObject({ kind: 'rejected', message: expect.stringContaining('"2025-02-30"') });
  });

  it('compares asOf and zoned order timestamps as dates in the configured time zone', () => {
    // 2025-03-31T23:30Z is already April 1st in Paris: an order of March 1st is then 31 days old
    const asOf = new Date('2025-03-31T23:30:00Z');
    expect(decide('pending', '2025-03-01', staleOrderRule({ asOf }))).toBe('kept');
    expect(decide('pending', '2025-03-01', staleOrderRule({ asOf, timeZone: 'Europe/Paris' }))).toBe(
      'dropped:stale',
    );
    // an order placed 2025-03-01T23:30-05:00 is March 2nd in UTC: 29 days before 2025-03-31
    expect(decide('pending', '2025-03-01T23:30:00-05:00')).toBe('kept');
    expect(decide('pending', '2025-02-28T23:30:00-05:00')).toBe('kept');
    expect(decide('pending', '2025-02-28T23:30:00+00:00')).toBe('dropped:stale');
  });

  it('follows maxAgeDays, custom statuses and date formats', () => {
    const strict = staleOrderRule({ asOf: '2025-03-31', maxAgeDays: 0, staleStatuses: ['on-hold'] });
    expect(decide('on-hold', '2025-03-30', strict)).toBe('dropped:stale');
    expect(decide('on-hold', '2025-03-31', strict)).toBe('kept');
    expect(decide('pending', '2025-01-01', strict)).toBe('kept');
    const dayFirst = staleOrderRule({ asOf: '2025-03-31', dateFormats: ['DD-MM-YYYY'] });
    expect(decide('pending', '2025-01-01', dayFirst)).toBe('rejected:invalid-date');
  });

  it('uses the injected clock when asOf is absent', () => {
    const r = staleOrderRule({ now: () => Date.parse('2025-03-31T12:00:00Z') });
    expect(decide('pending', '2025-03-01', r)).toBe('kept');
    expect(decide('pending', '2025-02-28', r)).toBe('dropped:stale');
  });
});

describe('isStale', () => {
  it('needs both a stale status and an age above the limit', () => {
    expect(isStale('pending', 31, rule)).toBe(true);
    expect(isStale('pending', 30, rule)).toBe(false);
    expect(isStale('delivered', 400, rule)).toBe(false);
  });
});

describe('staleOrderRule', () => {
  it('refuses invalid options with a typed error', () => {
    expect(() => staleOrderRule({ asOf: '2025-03-31', maxAgeDays: -1 })).toThrow(
      InvalidStaleOrderOptionsError,
    );
    expect(() => staleOrderRule({ asOf: '2025-03-31', maxAgeDays: 1.5 })).toThrow(
      InvalidStaleOrderOptionsError,
    );
    expect(() => staleOrderRule({ asOf: '2025-03-31', timeZone: 'Nowhere/City' })).toThrow(
      InvalidTimeZoneError,
    );
  });
});
