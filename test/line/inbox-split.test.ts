import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/db/client.ts';
import { lineInbox, lineInboxRequests } from '../../src/db/schema.ts';
import { createInboxRepository, type NewInboxRow } from '../../src/modules/line/webhook/inbox.repository.ts';
import { createTestDatabase, onRealPostgres } from '../helpers/db.ts';

const row = (id: string): NewInboxRow => ({ webhookEventId: id, destination: 'Ubot', event: { type: 'message', webhookEventId: id }, at: new Date() });

/** Several workers on one PostgreSQL database (PGlite has one connection: nothing runs beside anything). */
describe.skipIf(!onRealPostgres)('splitting stored requests with several workers on one database', () => {
  let base: Database & { url?: string };
  beforeAll(async () => { base = await createTestDatabase(); });
  afterAll(async () => { await base.close(); });

  it('waits for another worker’s split, then splits what is left, its own request included, and the events keep their requests’ order', async () => {
    const other = await openDatabase({ url: base.url!, poolMax: 1 });
    try {
      const mine = createInboxRepository(base.db);
      await mine.insertRows([row('first-request')]);
      // Another worker splits, and its transaction stays open (as a slow split would).
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      let splitDone!: () => void;
      const split = new Promise<void>((r) => { splitDone = r; });
      const theirs = other.db.transaction(async (tx) => {
        await createInboxRepository(tx as unknown as Db).expand(100, new Date());
        splitDone();
        await held;
      });
      await split;
      await mine.insertRows([row('second-request')]); // this worker's webhook stored it; then it splits
      let finished = false;
      const mySplit = mine.expand(100, new Date()).then(() => { finished = true; });
      await new Promise((r) => setTimeout(r, 200));
      expect(finished).toBe(false); // waiting for the other split's lock, not skipping it
      release();
      await theirs;
      await mySplit;
      const events = await base.db.select({ key: lineInbox.webhookEventId }).from(lineInbox).orderBy(lineInbox.id);
      expect(events.map((e) => e.key)).toEqual(['first-request', 'second-request']);
      expect(await base.db.select().from(lineInboxRequests)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
