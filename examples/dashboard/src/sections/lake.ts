import { sqlSummaries } from '@sluice/example-multi-source-lake/queries';
import { integrationScores } from '@sluice/transforms/analytics';
import { barChart } from '../chart-specs.js';
import type { KpiTile, Section } from '../model.js';
import { column, records, type SectionInput } from './section.js';

const machine = column('machine_id', 'machine');
const alerts = column('alerts', 'alerts', 'integer');
const risk = column('risk', 'risk');
const machines = column('machines', 'machines', 'integer');
const segment = column('segment', 'segment');
const customers = column('customers', 'customers', 'integer');
const TOP = 10;
const RISK_COLORS = { high: '#c34f5b', medium: '#e0a23d', low: '#4f9d69' };

/**
 * Seed 002's lake: machine risk buckets, the machines raising most alerts, customer segments, and
 * the integration scores (from the SQL summaries and the branches' run reports) as KPI tiles.
 *
 * @example const section = await lakeSection({ engine, reports: { maintenance, customers } });
 */
export async function lakeSection({ engine, reports }: SectionInput): Promise<Section> {
  const summaries = await sqlSummaries(engine);
  const rowsOf = (name: string) => records(summaries.queries.find((q) => q.name === name)?.rows ?? []);
  const buckets = (['high', 'medium', 'low'] as const).map((level) => ({
    risk: level,
    machines: summaries.maintenance.risk_buckets[level],
  }));
  const alertCounts = rowsOf('alert_counts');
  return {
    id: 'lake',
    title: 'Data lake',
    reports,
    tiles: [...scoreTiles(summaries, Object.values(reports)), ...countTiles(summaries)],
    panels: [
      {
        query: 'machine_risk_buckets',
        title: 'Machines by risk',
        description: 'Average priority score above 0.7 is high, above 0.4 medium.',
        rows: buckets,
        columns: [risk, machines],
        chart: barChart({
          category: risk,
          measure: machines,
          color: risk,
          palette: RISK_COLORS,
          sortByMeasure: false,
          tooltip: [risk, machines],
        }),
      },
      {
        query: 'alert_counts',
        title: 'Machines raising most alerts',
        description: `The ${TOP} with most alerts in the chart.`,
        rows: alertCounts,
        columns: [machine, alerts],
        chart: barChart({ category: machine, measure: alerts, horizontal: true, tooltip: [machine, alerts] }),
        chartRows: alertCounts.slice(0, TOP),
      },
      {
        query: 'segment_counts',
        title: 'Customer segments',
        rows: rowsOf('segment_counts'),
        columns: [segment, customers],
        chart: barChart({
          category: segment,
          measure: customers,
          color: segment,
          tooltip: [segment, customers],
        }),
      },
      {
        query: 'machine_summary',
        title: 'Machines',
        rows: rowsOf('machine_summary'),
        columns: [
          machine,
          column('readings', 'readings', 'integer'),
          column('avg_priority_score', 'average priority', 'score'),
          column('avg_temperature', 'average temperature', 'decimal'),
          column('avg_vibration', 'average vibration', 'decimal'),
          alerts,
          risk,
        ],
      },
    ],
  };
}

type Summaries = Awaited<ReturnType<typeof sqlSummaries>>;

// The scores need both branches' reports (data quality); without them the tiles say so.
function scoreTiles(
  summaries: Summaries,
  reports: Parameters<typeof integrationScores>[0]['reports'],
): KpiTile[] {
  const scores = reports.length > 0 ? integrationScores({ ...summaries, reports }) : undefined;
  const tile = (label: string, value: number | undefined, note: string): KpiTile => ({
    label,
    value: value ?? null,
    format: 'score',
    note,
  });
  return [
    tile('Machine health', scores?.machine_health, '1 − mean machine priority'),
    tile('Operational excellence', scores?.operational_excellence_score, '0.6·health + 0.4·satisfaction/10'),
    tile(
      'Business health',
      scores?.business_health_index,
      '0.5·(1 − high risk share) + 0.5·high value share',
    ),
    tile('Data quality', scores?.data_quality_composite, 'mean share of valid records per branch'),
  ];
}

function countTiles(summaries: Summaries): KpiTile[] {
  return [
    { label: 'Readings', value: summaries.maintenance.readings, format: 'integer' },
    { label: 'Alerts', value: summaries.maintenance.alerts, format: 'integer' },
    { label: 'Customers', value: summaries.customers.customers, format: 'integer' },
    { label: 'Average purchase', value: summaries.customers.avg_purchase_amount, format: 'currency' },
  ];
}
