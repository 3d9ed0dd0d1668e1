import { describe, expect, it } from 'vitest';
import { classifyError } from './error-kind.js';
import { PermanentError } from './errors.js';
import { serializeError } from './serialize-error.js';

describe('serializeError', () => {
  it('keeps name, message, stack, own fields and the cause chain that JSON.stringify loses', () => {
    const root = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400, requestId: 'r-1' },
    });
    const error = new Error('put failed', { cause: root });
    expect(JSON.stringify(error)).toBe('{}');
    const out = JSON.parse(JSON.stringify(serializeError(error)));
    expect(out).toMatchObject({
      name: 'Error',
      message: 'put failed',
      cause: { name: 'ThrottlingException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } },
    });
    expect(out.stack).toContain('put failed');
  });

  it('cuts cycles and serializes AggregateError members and non-error causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(JSON.stringify(serializeError(b))).toContain('[Error: b]');
    const aggregate = new AggregateError([new Error('one'), 'two'], 'both failed');
    expect(serializeError(aggregate)).toMatchObject({ errors: [{ message: 'one' }, 'two'] });
    expect(serializeError(new Error('x', { cause: { code: 7 } }))).toMatchObject({ cause: { code: 7 } });
  });
});

describe('classifyError', () => {
  it('finds a permanent error anywhere in the cause chain; anything else is transient', () => {
    const gone = Object.assign(new Error('gone'), { name: 'NoSuchKey' });
    expect(classifyError(new Error('read failed', { cause: gone }))).toEqual({
      kind: 'permanent',
      reason: 'object-not-found',
    });
    expect(classifyError(new PermanentError('bad-header', 'no header'))).toEqual({
      kind: 'permanent',
      reason: 'bad-header',
    });
    expect(classifyError(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toEqual({
      kind: 'transient',
    });
    expect(classifyError('a string')).toEqual({ kind: 'transient' });
  });
});
