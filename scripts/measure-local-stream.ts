import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDb, ensureTable } from '@bursa/core/db';
import { startDynamoDbLocal } from './local/dynamodb-local.ts';

/**
 * `npx tsx scripts/measure-local-stream.ts [writes]`: does DynamoDB Local slow
 * down as writes accumulate on a table with a stream? (Version 1.25 did: a
 * GetItem went from ~1 ms to ~77 ms after ~1,450 writes.) Prints the median
 * GetItem and PutItem latency after every 500 writes, in memory.
 */
const writes = Number(process.argv[2] ?? 2000);
const ddb = await startDynamoDbLocal();
const db = createDb({ region: 'ap-southeast-3', dynamodbEndpoint: ddb.endpoint, tableName: 'measure' });
await ensureTable(db, 'measure');
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(1);
async function sample(label: string) {
  const gets: number[] = [];
  const puts: number[] = [];
  for (let i = 0; i < 50; i++) {
    let t = performance.now();
    await db.doc.send(new GetCommand({ TableName: 'measure', Key: { pk: 'X#1', sk: 'X' } }));
    gets.push(performance.now() - t);
    t = performance.now();
    await db.doc.send(new PutCommand({ TableName: 'measure', Item: { pk: `P#${label}#${i}`, sk: 'X', n: i } }));
    puts.push(performance.now() - t);
  }
  console.log(`${label.padStart(6)} writes: GetItem p50 ${median(gets)} ms, PutItem p50 ${median(puts)} ms`);
}
await sample('0');
for (let done = 0; done < writes; ) {
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      db.doc.send(
        new PutCommand({ TableName: 'measure', Item: { pk: `X#${done + i}`, sk: 'X', body: 'x'.repeat(400) } }),
      ),
    ),
  );
  done += 10;
  if (done % 500 === 0) await sample(String(done));
}
await ddb.stop();
