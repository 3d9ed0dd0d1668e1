import type { QueryEngine } from '@sluice/athena';
import { collectDashboard, type DashboardOptions } from './collect.js';
import { type PageOptions, renderDashboardPage } from './page.js';

/**
 * The whole page from an engine: {@link collectDashboard}, then {@link renderDashboardPage}. What a
 * server or a Lambda returns for each request.
 *
 * @example res.end(await renderDashboard(createAthenaEngine({ … }), { reports }));
 */
export async function renderDashboard(
  engine: QueryEngine,
  options: DashboardOptions & PageOptions = {},
): Promise<string> {
  return renderDashboardPage(await collectDashboard(engine, options), options);
}
