// The EMF builder lives in core, beside the Lambda handlers that write their run reports with it.
export type { EmfDocument, EmfInput, EmfMetricValue, EmfProperty, EmfUnit } from '@sluice/core/lambda';
export { EMF_LIMITS, emfDocument, emfLines, emfMetric } from '@sluice/core/lambda';
