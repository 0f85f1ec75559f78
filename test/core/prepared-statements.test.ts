import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../src/db/client.ts';
import { organizations } from '../../src/modules/org/org.table.ts';
import { createTestDatabase, onRealPostgres } from '../helpers/db.ts';

/** The statements PostgreSQL holds prepared on the connection that runs this (a statement without parameters is not itself prepared). */
const preparedOn = async (db: Database['db']) =>
  rowsOf<{ statement: string }>(await db.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

describe.skipIf(!onRealPostgres)('prepared statements on PostgreSQL (DATABASE_PREPARED_STATEMENTS)', () => {
  let base: Database & { url?: string };
  beforeAll(async () => { base = await createTestDatabase(); });
  afterAll(async () => { await base.close(); });

  const open = (preparedStatements: boolean) => openDatabase({ url: base.url!, poolMax: 1, preparedStatements });
  const lookUp = (db: Database['db'], slug: string) => db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));

  it('prepares a query builder statement once per connection and reuses it, with the right answers', async () => {
    const database = await open(true);
    try {
      await database.db.insert(organizations).values([{ slug: 'a', name: 'ก' }, { slug: 'b', name: 'ข' }]);
      const [a] = await lookUp(database.db, 'a');
      const [b] = await lookUp(database.db, 'b');
      expect(a!.id).not.toBe(b!.id);
      const held = (await preparedOn(database.db)).filter((s) => s.includes('from "organizations" where "organizations"."slug" = $1'));
      expect(held).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('prepares the statements of a transaction too', async () => {
    const database = await open(true);
    try {
      const held = await database.db.transaction(async (tx) => {
        await lookUp(tx, 'a');
        return preparedOn(tx);
      });
      expect(held.some((s) => s.includes('from "organizations"'))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('leaves every statement unnamed when switched off', async () => {
    const database = await open(false);
    try {
      await lookUp(database.db, 'a');
      await lookUp(database.db, 'a');
      // (postgres.js prepares its own array-type lookup on connecting, whatever the setting.)
      expect((await preparedOn(database.db)).filter((s) => s.includes('"organizations"'))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
