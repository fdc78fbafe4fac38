import type { Db } from './client.ts';
import { tableDesign } from './table-design.ts';

/**
 * Creates the table as infra defines it, if it is missing. For the local
 * stack and tests only: in AWS the table belongs to CloudFormation.
 */
export async function ensureTable(db: Pick<Db, 'doc'>, tableName: string): Promise<'created' | 'existed'> {
  const client = db.doc;
  try {
    await client.call('DescribeTable', { TableName: tableName });
    return 'existed';
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  const keyAttributes = [
    tableDesign.partitionKey,
    tableDesign.sortKey,
    ...tableDesign.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
  ];
  await client.call('CreateTable', {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDesign.globalIndexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  for (let waited = 0; ; waited += 100) {
    const { Table } = (await client.call('DescribeTable', { TableName: tableName })) as {
      Table?: { TableStatus?: string };
    };
    if (Table?.TableStatus === 'ACTIVE') break;
    if (waited > 30_000) throw new Error(`table ${tableName} is not active after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.call('UpdateTimeToLive', {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: tableDesign.ttlAttribute, Enabled: true },
  });
  return 'created';
}
