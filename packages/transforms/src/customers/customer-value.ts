import type { Outcome } from '@sluice/core/outcome';
import { clamp01, roundScore, scoreValidRow, withDefaults } from '../scores.js';
import { InvalidCustomerValueOptionsError } from './errors.js';
import { type Customer, CustomerSchema, type CustomerSegment, type ScoredCustomer } from './schema.js';

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
 * Scores and segments parsed customers, its options read and checked once (a zero scale or
 * thresholds out of order throw `InvalidCustomerValueOptionsError`). The score is
 * `0.4·amount/1000 + 0.3·frequency/10 + 0.15·loyalty/10 + 0.15·satisfaction/10`, exactly as DESIGN
 * §4.4 states it: a purchase above $1,000 raises it past the amount term's 0.4 share; only the sum is
 * clamped into [0,1], then rounded to 4 decimals. A segment starts strictly above its threshold, so
 * exactly 0.6 is `MEDIUM_VALUE`.
 *
 * @example
 * customerScoring()({ ...customer, Purchase_Amount: 500, Frequency_of_Purchase: 10, Brand_Loyalty: 10, Customer_Satisfaction: 10 });
 * // { ..., customer_value_score: 0.8, customer_segment: 'HIGH_VALUE' }
 */
export function customerScoring(options: CustomerValueOptions = {}): (customer: Customer) => ScoredCustomer {
  const weights = withDefaults(DEFAULT_WEIGHTS, options.weights);
  const scales = withDefaults(DEFAULT_SCALES, options.scales);
  for (const [factor, scale] of Object.entries(scales))
    if (!(scale > 0 && Number.isFinite(scale)))
      throw new InvalidCustomerValueOptionsError(
        `scale of ${factor} is ${scale}, expected a positive number`,
      );
  const { high = 0.6, medium = 0.4 } = options.thresholds ?? {};
  if (!(medium <= high)) throw new InvalidCustomerValueOptionsError(`medium ${medium} is above high ${high}`);
  const term = (factor: Factor, value: number) => (weights[factor] * value) / scales[factor];
  return (customer) => {
    const sum =
      term('amount', customer.Purchase_Amount) +
      term('frequency', customer.Frequency_of_Purchase) +
      term('loyalty', customer.Brand_Loyalty) +
      term('satisfaction', customer.Customer_Satisfaction);
    const score = roundScore(clamp01(sum));
    const segment: CustomerSegment =
      score > high ? 'HIGH_VALUE' : score > medium ? 'MEDIUM_VALUE' : 'STANDARD';
    return { ...customer, customer_value_score: score, customer_segment: segment };
  };
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
  return scoreValidRow(CustomerSchema, input, 'invalid-customer', customerScoring(options));
}
