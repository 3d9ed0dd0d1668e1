import type { Domain } from '../layout.js';

/**
 * The `data-lake-orchestration` state machine's state names: the stack builds them, the local run
 * overrides its tasks by them.
 *
 *   Parallel "AnalyseDomains"
 *     ├─ "CompactMaintenance" (Athena UNLOAD, .sync) → "ManufacturingAnalytics" (Lambda)
 *     └─ "CompactCustomers"   (Athena UNLOAD, .sync) → "EcommerceAnalytics"     (Lambda)
 *   "Integrate" (Lambda) → end
 */
export const LAKE_STATES = {
  analyse: 'AnalyseDomains',
  compact: { maintenance: 'CompactMaintenance', customers: 'CompactCustomers' },
  analytics: { maintenance: 'ManufacturingAnalytics', customers: 'EcommerceAnalytics' },
  integrate: 'Integrate',
} as const satisfies Record<string, string | Record<Domain, string>>;
