/**
 * What the Lambda bundles use in place of @aws-sdk/lib-dynamodb
 * (scripts/bundle-functions.ts and web/astro.config.ts alias it): the command
 * classes dynamodb-toolbox and Bursa build, each only its input and its
 * operation's name, for db/dynamo-http.ts to send. The real package would bring
 * the SDK's DynamoDB client with it. Tests and scripts use the real classes,
 * which the transport tells apart by name.
 */
const command = (operation: string) =>
  class {
    readonly operation = operation;
    constructor(readonly input: Record<string, unknown>) {}
  };

export const GetCommand = command('GetItem');
export const PutCommand = command('PutItem');
export const UpdateCommand = command('UpdateItem');
export const DeleteCommand = command('DeleteItem');
export const QueryCommand = command('Query');
export const ScanCommand = command('Scan');
export const BatchGetCommand = command('BatchGetItem');
export const BatchWriteCommand = command('BatchWriteItem');
export const TransactGetCommand = command('TransactGetItems');
export const TransactWriteCommand = command('TransactWriteItems');
