import { countField, defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

const count = countField();

/**
 * Detections per minute of window start (UTC) and severity.
 *
 * @example (await engine.run(detectionsPerMinute, {})).rows // [{ minute: '2019-11-01T00:11', severity: 'high', detections: 2 }]
 */
export const detectionsPerMinute = defineQuery({
  name: 'detections_per_minute',
  sql: `SELECT substr(window_start, 1, 16) AS minute, severity, COUNT(*) AS detections
        FROM bot_detections GROUP BY 1, 2 ORDER BY 1, 2`,
  row: z.object({ minute: z.string(), severity: z.string(), detections: count }),
});

/**
 * The `:top` keys (users) flagged in most windows, with their busiest window's event count.
 *
 * @example (await engine.run(topDetectedKeys, { top: 10 })).rows // [{ key: '600000401', windows: 3, … }]
 */
export const topDetectedKeys = defineQuery({
  name: 'top_detected_keys',
  sql: `SELECT key, COUNT(*) AS windows, SUM(count) AS events, MAX(count) AS peak_events,
          COUNT_IF(severity = 'high') AS high_windows
        FROM bot_detections GROUP BY key ORDER BY windows DESC, events DESC, key LIMIT :top`,
  params: { top: z.int().check(z.positive()) },
  row: z.object({ key: z.string(), windows: count, events: count, peak_events: count, high_windows: count }),
});
