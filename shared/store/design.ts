import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { tableDesign } from './keys';

export { tableDesign, type IndexDesign } from './keys';

/** CreateTable input for local use (on-demand billing, every key a string). TTL is set by the CDK: dynalite lacks UpdateTimeToLive. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attrs = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const i of tableDesign.indexes) attrs.add(i.partitionKey).add(i.sortKey);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attrs].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDesign.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: i.projection },
    })),
  };
}
