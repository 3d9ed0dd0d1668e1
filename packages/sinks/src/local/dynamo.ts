// The entry `@sluice/sinks/local/dynamo`: apart from `@sluice/sinks/local`, because it loads the
// DynamoDB client and dynalite, which an in-memory double does not need.
export type { RunningDynalite as LocalDynamo } from '../testing/dynalite.js';
export { type LocalDynamoOptions, startLocalDynamo } from './local-dynamo.js';
