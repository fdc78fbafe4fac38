/**
 * The single table's physical design, shared by infra (CDK) and by the local
 * stack and tests (CreateTable), so the two can never drift apart.
 * What each key holds is documented in docs/data-model.md.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded global secondary indexes: each entity documents what it writes into them. */
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ] as const,
  /** Names the entity (`Vacancy`, `Company`, …) on every item. */
  entityAttribute: 'type',
  /** Epoch seconds; DynamoDB deletes the item some time after. Code must still ignore expired items. */
  ttlAttribute: 'expiresAt',
} as const;

export type GlobalIndexName = (typeof tableDesign.globalIndexes)[number]['name'];
