import type { ScoredCustomer } from '../customers/index.js';
import { FixedPointSum } from './rounding.js';
import type { CustomerSummary } from './schema.js';

type SummarisedCustomer = Pick<
  ScoredCustomer,
  | 'Purchase_Amount'
  | 'Customer_Satisfaction'
  | 'customer_value_score'
  | 'customer_segment'
  | 'Purchase_Category'
  | 'Purchase_Channel'
>;

/**
 * Folds scored customers one at a time into the ecommerce summary. Memory grows with the number of
 * distinct categories and channels, not customers.
 *
 * @example
 * const summary = new CustomerSummariser();
 * const run = await scoreCustomersCsv(input, { onRejected: quarantine.add });
 * for await (const customer of run.customers) summary.add(customer);
 * summary.result(); // { customers, segments: { HIGH_VALUE, ... }, satisfaction_index, top_category, ... }
 */
export class CustomerSummariser {
  #customers = 0;
  readonly #amount = new FixedPointSum(4);
  readonly #score = new FixedPointSum(4);
  readonly #satisfaction = new FixedPointSum(4);
  readonly #segments = { HIGH_VALUE: 0, MEDIUM_VALUE: 0, STANDARD: 0 };
  readonly #categories = new Map<string, number>();
  readonly #channels = new Map<string, number>();

  /** Adds one scored customer. */
  add(customer: SummarisedCustomer): void {
    this.#customers++;
    this.#amount.add(customer.Purchase_Amount);
    this.#score.add(customer.customer_value_score);
    this.#satisfaction.add(customer.Customer_Satisfaction);
    this.#segments[customer.customer_segment]++;
    countLabel(this.#categories, customer.Purchase_Category);
    countLabel(this.#channels, customer.Purchase_Channel);
  }

  /** The summary of everything added so far (means are 0 before the first customer). */
  result(): CustomerSummary {
    const n = this.#customers;
    return {
      customers: n,
      segments: { ...this.#segments },
      avg_purchase_amount: this.#amount.mean(n, 2),
      avg_value_score: this.#score.mean(n, 4),
      satisfaction_index: this.#satisfaction.mean(n, 4),
      top_category: mostFrequent(this.#categories),
      top_channel: mostFrequent(this.#channels),
    };
  }
}

function countLabel(counts: Map<string, number>, label: string | undefined): void {
  if (label === undefined || label === '') return;
  counts.set(label, (counts.get(label) ?? 0) + 1);
}

/** The most frequent label; ties go to the alphabetically first, so the result never depends on order. */
function mostFrequent(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && label < best)) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}
