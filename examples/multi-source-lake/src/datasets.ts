import type { ParquetSchema } from '@sluice/sinks/parquet';

/** Scored readings as Parquet; `date` (from the reading's timestamp) names the partition folder. */
export const MAINTENANCE_PARQUET: ParquetSchema = {
  timestamp: 'string',
  machine_id: 'string',
  temperature: 'double',
  vibration: 'double',
  humidity: 'double',
  pressure: 'double',
  energy_consumption: 'double',
  machine_status: 'double',
  anomaly_flag: 'double',
  predicted_remaining_life: 'double',
  failure_type: 'string',
  downtime_risk: 'double',
  maintenance_required: 'double',
  maintenance_priority_score: 'double',
  date: 'string',
};

/** Scored customers as Parquet, partitioned by segment so a campaign reads only `HIGH_VALUE`. */
export const CUSTOMERS_PARQUET: ParquetSchema = {
  Customer_ID: 'string',
  Purchase_Amount: 'double',
  Frequency_of_Purchase: 'double',
  Brand_Loyalty: 'double',
  Customer_Satisfaction: 'double',
  Purchase_Category: 'string',
  Purchase_Channel: 'string',
  Location: 'string',
  customer_value_score: 'double',
  customer_segment: 'string',
};
