import { describe, expect, it } from 'vitest';
import { emfDocument, emfLines, emfMetric } from './emf.js';
import { EmfValidationError } from './errors.js';

const base = { namespace: 'Sluice', dimensions: { Pipeline: 'bots' }, timestamp: 1_700_000_000_000 };

describe('emfMetric', () => {
  it('writes one EMF JSON line with the metric, its unit and dimensions at the root', () => {
    const line = emfMetric('BotDetections', 1, 'Count', { Pipeline: 'bots', Severity: 'high' }, base);
    expect(JSON.parse(line)).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Sluice',
            Dimensions: [['Pipeline', 'Severity']],
            Metrics: [{ Name: 'BotDetections', Unit: 'Count' }],
          },
        ],
      },
      Pipeline: 'bots',
      Severity: 'high',
      BotDetections: 1,
    });
    expect(line).not.toContain('\n');
  });
});

describe('EMF limits', () => {
  const metric = (name: string) => ({ name, value: 1, unit: 'Count' as const });

  it('splits more than 100 metrics over several documents', () => {
    const metrics = Array.from({ length: 205 }, (_, i) => metric(`M${i}`));
    const lines = emfLines({ ...base, metrics }).map((l) => JSON.parse(l));
    expect(lines.map((d) => d._aws.CloudWatchMetrics[0].Metrics.length)).toEqual([100, 100, 5]);
    expect(lines[2].M204).toBe(1);
  });

  it('refuses more than 30 dimensions, empty names and non-finite values', () => {
    const dimensions = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`D${i}`, 'x']));
    expect(() => emfDocument({ ...base, dimensions, metrics: [metric('A')] })).toThrow(/31 dimensions/);
    expect(() => emfDocument({ ...base, metrics: [metric(' ')] })).toThrow(EmfValidationError);
    expect(() =>
      emfDocument({ ...base, metrics: [{ name: 'A', value: Number.NaN, unit: 'Count' }] }),
    ).toThrow(/not a finite/);
  });

  it('refuses a metric named like a dimension, since both live at the document root', () => {
    expect(() => emfDocument({ ...base, metrics: [metric('Pipeline')] })).toThrow(/used twice/);
  });
});
