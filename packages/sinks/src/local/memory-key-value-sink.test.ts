import type { KeySchema } from '../dynamodb/batch-plan.js';
import { describeKeyValueSink } from '../dynamodb/key-value-sink-contract.js';
import { MemoryKeyValueSink } from './memory-key-value-sink.js';

const tables = new Map<string, MemoryKeyValueSink>();

// One store per table, as a DynamoDB table outlives the sink objects that write to it.
describeKeyValueSink('memory', (table: KeySchema) => {
  const existing = tables.get(table.tableName);
  if (existing) return existing;
  const created = new MemoryKeyValueSink(table);
  tables.set(table.tableName, created);
  return created;
});
