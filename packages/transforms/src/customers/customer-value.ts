import type { Outcome } from '@sluice/core/outcome';
import { clamp01, roundScore, scoreValidRow, withDefaults } from '../scores.js';
import { InvalidCustomerValueOptionsError } from './errors.js';
import type { Customer, CustomerSegment, ScoredCustomer } from './schema.js';
import { CustomerSchema } from './schema.js';

/** Weights, scales and segment thresholds of the customer value score (§4.4 defaults). */
export interface CustomerValueOptions {
  weights?: { amount?: number; frequency?: number; loyalty?: number; satisfaction?: number };
  /** Each input is divided by its scale: amount 1000, the three 1–10 ratings 10. */
  scales?: { amount?: number; frequency?: number; loyalty?: number; satisfaction?: number };
  /** `HIGH_VALUE` above `high` (0.6), `MEDIUM_VALUE` above `medium` (0.4), else `STANDARD`. */
  thresholds?: { high?: number; medium?: number };
}

type Factor = 'amount' | 'frequency' | 'loyalty' | 'satisfaction';
const DEFAULT_WEIGHTS: Record<Factor, number> = {
  amount: 0.4,
  frequency: 0.3,
  loyalty: 0.15,
  satisfaction: 0.15,
};
const DEFAULT_SCALES: Record<Factor, number> = { amount: 1000, frequency: 10, loyalty: 10, satisfaction: 10 };

/**
 * The value score of a parsed customer, unrounded: `0.4·amount/1000 + 0.3·frequency/10 +
 * 0.15·loyalty/10 + 0.15·satisfaction/10`, exactly as DESIGN §4.4 states it: a purchase above $1,000
 * raises the score past the amount term's 0.4 share. Only the sum is clamped, so the score stays in [0,1].
 *
 * @example
 * customerValue({ Purchase_Amount: 500, Frequency_of_Purchase: 10, Brand_Loyalty: 10, Customer_Satisfaction: 10 }); // 0.8
 */
export function customerValue(
  customer: Pick<
    Customer,
    'Purchase_Amount' | 'Frequency_of_Purchase' | 'Brand_Loyalty' | 'Customer_Satisfaction'
  >,
  options: CustomerValueOptions = {},
): number {
  const weights = withDefaults(DEFAULT_WEIGHTS, options.weights);
  const scales = checkedScales(withDefaults(DEFAULT_SCALES, options.scales));
  return clamp01(
    (weights.amount * customer.Purchase_Amount) / scales.amount +
      (weights.frequency * customer.Frequency_of_Purchase) / scales.frequency +
      (weights.loyalty * customer.Brand_Loyalty) / scales.loyalty +
      (weights.satisfaction * customer.Customer_Satisfaction) / scales.satisfaction,
  );
}

/**
 * The segment of a (rounded) score: strictly above a threshold, so exactly 0.6 is `MEDIUM_VALUE`.
 *
 * @example
 * customerSegment(0.61); // 'HIGH_VALUE'
 */
export function customerSegment(score: number, options: CustomerValueOptions = {}): CustomerSegment {
  const high = options.thresholds?.high ?? 0.6;
  const medium = options.thresholds?.medium ?? 0.4;
  if (!(medium <= high)) throw new InvalidCustomerValueOptionsError(`medium ${medium} is above high ${high}`);
  if (score > high) return 'HIGH_VALUE';
  return score > medium ? 'MEDIUM_VALUE' : 'STANDARD';
}

/**
 * Validates a customer row (padded headers and `$` amounts allowed), scores and segments it.
 * Unparseable numbers are rejected (`invalid-customer`) naming the column.
 *
 * @example
 * scoreCustomerValue({ Customer_ID: '37-611-6911', ' Purchase_Amount ': ' $333.80  ', Frequency_of_Purchase: '4',
 *   Brand_Loyalty: '5', Customer_Satisfaction: '7' });
 * // { kind: 'kept', value: { ..., customer_value_score: 0.4335, customer_segment: 'MEDIUM_VALUE' } }
 */
export function scoreCustomerValue(
  input: unknown,
  options: CustomerValueOptions = {},
): Outcome<ScoredCustomer> {
  return scoreValidRow(CustomerSchema, input, 'invalid-customer', (customer) => {
    const score = roundScore(customerValue(customer, options));
    return { ...customer, customer_value_score: score, customer_segment: customerSegment(score, options) };
  });
}

function checkedScales(scales: Record<Factor, number>): Record<Factor, number> {
  for (const [factor, scale] of Object.entries(scales)) {
    if (!(scale > 0 && Number.isFinite(scale))) {
      throw new InvalidCustomerValueOptionsError(
        `scale of ${factor} is ${scale}, expected a positive number`,
      );
    }
  }
  return scales;
}
