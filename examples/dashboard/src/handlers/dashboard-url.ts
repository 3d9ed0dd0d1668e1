import type { QueryEngine } from '@sluice/athena';
// Imported statically: esbuild wraps a dynamically imported module for lazy initialisation, and
// with it the query definitions it shares with this file, which then run before they are set up.
import { athenaSettingsFromEnvironment, createAthenaEngine } from '@sluice/athena/aws';
import { ConfigurationError, handlerEnvironment } from '@sluice/core/lambda';
import { SECTION_IDS } from '../collect.js';
import { renderDashboard } from '../dashboard.js';
import { DashboardMonthError } from '../errors.js';
import type { SectionId } from '../model.js';

/** The parts of a Lambda Function URL request the dashboard reads. */
export interface DashboardRequest {
  queryStringParameters?: Record<string, string | undefined>;
}

/** A Function URL response: the page, or a one-line reason. */
export interface DashboardResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** What the handler takes from outside; each has an AWS default. */
export interface DashboardUrlDeps {
  /** Default: Athena, from `ATHENA_WORKGROUP` and `ATHENA_DATABASE`. */
  engine?: QueryEngine;
  /** `DASHBOARD_SECTIONS` (comma-separated section ids; default all), Athena settings. */
  env?: Readonly<Record<string, string | undefined>>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The dashboard behind a Lambda Function URL: each GET renders the page from Athena (`?month=YYYY-MM`
 * picks the orders' "largest orders" month), showing the sections the stack has tables for.
 *
 * @example const page = await dashboardUrlHandler({ engine, env: { DASHBOARD_SECTIONS: 'orders' } })({});
 */
export function dashboardUrlHandler(deps: DashboardUrlDeps = {}) {
  const env = deps.env ?? process.env;
  const sections = sectionsOf(handlerEnvironment(env).optional('DASHBOARD_SECTIONS'));
  let engine: Promise<QueryEngine> | undefined;
  return async (request: DashboardRequest = {}): Promise<DashboardResponse> => {
    const month = request.queryStringParameters?.month;
    if (month !== undefined && !MONTH.test(month)) return text(400, new DashboardMonthError(month).message);
    engine ??= deps.engine ? Promise.resolve(deps.engine) : athenaEngine(env);
    const html = await renderDashboard(await engine, { sections, ...(month && { ordersMonth: month }) });
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: html,
    };
  };
}

function sectionsOf(setting: string | undefined): readonly SectionId[] {
  if (setting === undefined) return SECTION_IDS;
  const ids = setting.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !SECTION_IDS.includes(id as SectionId));
  if (unknown.length > 0)
    throw new ConfigurationError(
      'DASHBOARD_SECTIONS',
      `names unknown section ${unknown.join(', ')}; known: ${SECTION_IDS.join(', ')}`,
    );
  return ids as SectionId[];
}

function text(statusCode: number, message: string): DashboardResponse {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${message}\n` };
}

async function athenaEngine(env: Readonly<Record<string, string | undefined>>): Promise<QueryEngine> {
  return createAthenaEngine(athenaSettingsFromEnvironment(env));
}

let configured: ReturnType<typeof dashboardUrlHandler> | undefined;

/**
 * The Lambda entry point (Function URL, IAM auth).
 *
 * @example // CDK: fn.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM })
 */
export const handler = (request: DashboardRequest) => {
  configured ??= dashboardUrlHandler();
  return configured(request);
};
