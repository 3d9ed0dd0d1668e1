import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { countField } from './row-fields.js';

describe('countField', () => {
  it('reads a count as a number whether the engine returned a bigint or a number', () => {
    const row = z.object({ n: countField() });
    expect(row.parse({ n: 12n })).toEqual({ n: 12 });
    expect(row.parse({ n: 12 })).toEqual({ n: 12 });
    expect(row.safeParse({ n: '12' }).success).toBe(false);
  });
});
