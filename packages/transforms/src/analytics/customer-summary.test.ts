import { describe, expect, it } from 'vitest';
import type { CustomerSegment } from '../customers/index.js';
import { CustomerSummariser } from './customer-summary.js';

const customer = (
  segment: CustomerSegment,
  amount: number,
  satisfaction: number,
  category?: string,
  channel?: string,
) => ({
  Purchase_Amount: amount,
  Customer_Satisfaction: satisfaction,
  customer_value_score: segment === 'HIGH_VALUE' ? 0.7 : segment === 'MEDIUM_VALUE' ? 0.5 : 0.2,
  customer_segment: segment,
  Purchase_Category: category,
  Purchase_Channel: channel,
});

describe('CustomerSummariser', () => {
  it('counts segments and computes the averages, satisfaction index and top labels from the data', () => {
    const summariser = new CustomerSummariser();
    for (const c of [
      customer('HIGH_VALUE', 1234.5, 9, 'Electronics', 'Online'),
      customer('MEDIUM_VALUE', 333.8, 7, 'Gardening & Outdoors', 'Mixed'),
      customer('STANDARD', 101.31, 1, 'Electronics', 'In-Store'),
      customer('STANDARD', 50, 2, undefined, 'Online'),
    ]) {
      summariser.add(c);
    }
    expect(summariser.result()).toEqual({
      customers: 4,
      segments: { HIGH_VALUE: 1, MEDIUM_VALUE: 1, STANDARD: 2 },
      avg_purchase_amount: 429.9,
      avg_value_score: 0.4,
      satisfaction_index: 4.75,
      top_category: 'Electronics',
      top_channel: 'Online',
    });
  });

  it('breaks ties alphabetically, so the top label does not depend on arrival order', () => {
    const a = new CustomerSummariser();
    const b = new CustomerSummariser();
    const rows = [customer('STANDARD', 1, 1, 'Toys', 'Mixed'), customer('STANDARD', 1, 1, 'Books', 'Online')];
    for (const r of rows) a.add(r);
    for (const r of rows.toReversed()) b.add(r);
    expect(a.result()).toMatchObject({ top_category: 'Books', top_channel: 'Mixed' });
    expect(b.result()).toEqual(a.result());
  });

  it('reports no top label and zero means before any customer', () => {
    expect(new CustomerSummariser().result()).toMatchObject({
      customers: 0,
      satisfaction_index: 0,
      top_category: null,
    });
  });
});
