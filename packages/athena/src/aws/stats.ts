import type { QueryExecution } from '@aws-sdk/client-athena';
import type { QueryStats } from '../query.js';

const MEBIBYTE = 2 ** 20;
const TEBIBYTE = 2 ** 40;
const USD_PER_TB = 5;
const MINIMUM_BILLED_BYTES = 10 * MEBIBYTE;

/**
 * Estimated Athena cost of a query: $5 per TB scanned, bytes rounded up to the next MB with a
 * 10 MB minimum per query (Athena's billing rule), so even a query scanning nothing costs
 * ~$0.0000477. DDL and failed queries are not billed. An estimate: your region's price may differ.
 *
 * @example athenaCostUsd(0, 'DML') // 0.0000476837158203125
 */
export function athenaCostUsd(bytesScanned: number, statementType?: string): number {
  if (statementType === 'DDL') return 0;
  const billed = Math.max(MINIMUM_BILLED_BYTES, Math.ceil(bytesScanned / MEBIBYTE) * MEBIBYTE);
  return (billed / TEBIBYTE) * USD_PER_TB;
}

/** Stats of a finished query: Athena's engine time when reported, else wall time. */
export function athenaStats(queryId: string, execution: QueryExecution, wallMs: number): QueryStats {
  const bytesScanned = execution.Statistics?.DataScannedInBytes ?? 0;
  return {
    engine: 'athena',
    queryId,
    elapsedMs: execution.Statistics?.EngineExecutionTimeInMillis ?? wallMs,
    bytesScanned,
    costUsd: athenaCostUsd(bytesScanned, execution.StatementType),
  };
}
