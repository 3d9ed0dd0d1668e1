import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A ready client (document or low-level) or the config to create one on first use. */
export interface DynamoDbClientOptions {
  client?: DynamoDBDocumentClient | DynamoDBClient;
  clientConfig?: DynamoDBClientConfig;
}

/**
 * Returns a getter that builds the document client on first call, so importing or constructing a
 * sink costs nothing until it writes. `undefined` attributes are removed, as DynamoDB has none.
 */
export function lazyDocumentClient(options: DynamoDbClientOptions): () => DynamoDBDocumentClient {
  let documentClient: DynamoDBDocumentClient | undefined;
  return () => {
    if (documentClient) return documentClient;
    const given = options.client;
    if (given instanceof DynamoDBDocumentClient) documentClient = given;
    else {
      const base = given ?? new DynamoDBClient(options.clientConfig ?? {});
      documentClient = DynamoDBDocumentClient.from(base, {
        marshallOptions: { removeUndefinedValues: true },
      });
    }
    return documentClient;
  };
}
