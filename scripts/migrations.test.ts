import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/support/db.ts';
import { runMigrations } from './migrations.ts';

describe('data migrations', () => {
  it('runs each once per table, and remembers it there', async () => {
    const db = await createTestDb();
    const log: string[] = [];
    await runMigrations(db, (line) => log.push(line));
    expect(log).toEqual(['migration vacancy-listing-v2: 0 vacancies relisted']);
    await runMigrations(db, (line) => log.push(line));
    expect(log).toHaveLength(1);
  });
});
