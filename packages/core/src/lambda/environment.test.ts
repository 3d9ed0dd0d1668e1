import { describe, expect, it } from 'vitest';
import { handlerEnvironment } from './environment.js';
import { ConfigurationError } from './errors.js';

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).message;
  }
  throw new Error('expected a ConfigurationError');
};

describe('handlerEnvironment', () => {
  it('reads required and optional strings, trimmed; blank is an error, unset is absent', () => {
    const env = handlerEnvironment({ TABLE_NAME: ' transactions ', BLANK: '  ' });
    expect(env.required('TABLE_NAME')).toBe('transactions');
    expect(env.optional('TOPIC_ARN')).toBeUndefined();
    expect(refusal(() => env.required('TOPIC_ARN'))).toBe('environment variable TOPIC_ARN is required');
    expect(refusal(() => env.required('BLANK'))).toBe('environment variable BLANK is required');
    expect(refusal(() => env.optional('BLANK'))).toBe('environment variable BLANK is set but empty');
  });

  it('reads whole numbers in a range and names the range when refusing', () => {
    const env = handlerEnvironment({
      N: '45',
      BIG: '1000',
      WORD: 'a month',
      NEGATIVE: '-1',
      FRACTION: '1.5',
    });
    expect(env.wholeNumber('N', { min: 1, max: 100 })).toBe(45);
    expect(env.wholeNumber('UNSET')).toBeUndefined();
    expect(refusal(() => env.wholeNumber('BIG', { max: 999 }))).toBe(
      'environment variable BIG must be a whole number in [0, 999], got "1000"',
    );
    for (const name of ['WORD', 'NEGATIVE', 'FRACTION']) expect(() => env.wholeNumber(name)).toThrow(name);
  });

  it('reads calendar dates, refusing impossible days', () => {
    const env = handlerEnvironment({ AS_OF: '2024-02-29', BAD: '2025-02-30', ISO: '2025-01-01T00:00:00Z' });
    expect(env.date('AS_OF')).toBe('2024-02-29');
    expect(refusal(() => env.date('BAD'))).toMatch(/BAD must be a date YYYY-MM-DD, got "2025-02-30"/);
    expect(() => env.date('ISO')).toThrow(ConfigurationError);
  });

  it('reads booleans and patterns', () => {
    const env = handlerEnvironment({ ON: 'true', OFF: 'false', YES: 'yes', OUT: 's3://b/results/' });
    expect([env.boolean('ON'), env.boolean('OFF'), env.boolean('UNSET')]).toEqual([true, false, undefined]);
    expect(() => env.boolean('YES')).toThrow(/YES must be true or false/);
    expect(env.matching('OUT', /^s3:\/\/[^/]+\//, 'an s3:// URL')).toBe('s3://b/results/');
    expect(() => env.matching('ON', /^s3:\/\//, 'an s3:// URL')).toThrow(/ON must be an s3:\/\/ URL/);
  });
});
