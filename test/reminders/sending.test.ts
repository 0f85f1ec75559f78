import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import { createOutboxRepository } from '../../src/modules/reminders/outbox.repository.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, deliveriesByRetryKey, item, lineId, orgSpec, outboxRows, type World } from './fixtures/world.ts';

const MIN = 60_000;

describe('sending the outbox', () => {
  let w: World;
  let day = 0;
  // Each test plans on its own working day so rows do not mix: Wed 15, Thu 16, Fri 17, Mon 20 …
  const days = ['2025-01-15', '2025-01-16', '2025-01-17', '2025-01-20', '2025-01-21', '2025-01-22', '2025-01-23', '2025-01-24'];
  const planDay = async () => {
    const date = days[day++]!;
    w.clock.set(`${date}T02:00:00Z`);
    await w.container.reminders.planReminders(w.clock.now());
    return (await outboxRows(w)).filter((r) => r.localDate === date);
  };
  const drain = () => w.container.reminders.drain(() => w.clock.now());

  beforeAll(async () => {
    w = await createWorld();
    // Overdue items are reminded every working day, so every test day has messages.
    await seedOrg(w.container, orgSpec('send', [item(1, '2025-01-14'), item(2, '2025-01-14', { preparer: 'นางมาลี มีสุข' })]));
  });
  beforeEach(() => w.standIn.reset());
  afterAll(() => w.close());

  it('delivers every planned message once and marks it sent', async () => {
    const rows = await planDay();
    expect(rows.length).toBeGreaterThanOrEqual(2); // Somchai's reminder, Wichai told about Malee
    const r = await drain();
    expect(r.sent).toBe(rows.length);
    expect((await outboxRows(w)).every((x) => x.status === 'sent')).toBe(true);
    const byKey = deliveriesByRetryKey(w.standIn);
    expect([...byKey.values()]).toEqual(rows.map(() => 1));
    expect(new Set(w.standIn.delivered().map((d) => d.body.to))).toEqual(new Set(rows.map((x) => x.recipient)));
    expect((await drain()).claimed).toBe(0);
  });

  it('retries a 5xx later with the same retry key, without sleeping', async () => {
    const rows = await planDay();
    w.standIn.failNext(rows.length, { status: 503, paths: /push/ });
    const first = await drain();
    expect(first.retried).toBe(rows.length);
    const pending = await outboxRows(w);
    for (const row of pending.filter((x) => x.localDate === rows[0]!.localDate)) {
      expect(row.status).toBe('pending');
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(w.clock.now().getTime());
      expect(row.lastError).toContain('503');
    }
    expect((await drain()).claimed).toBe(0); // not due yet
    w.clock.advance(5 * MIN);
    expect((await drain()).sent).toBe(rows.length);
    expect([...deliveriesByRetryKey(w.standIn).keys()].sort()).toEqual(rows.map((x) => x.retryKey).sort());
  });

  it('waits at least Retry-After after a 429', async () => {
    const rows = await planDay();
    w.standIn.failNext(1, { status: 429, retryAfterSeconds: 120, paths: /push/ });
    const r = await drain();
    expect(r.retried).toBe(1);
    expect(r.sent).toBe(rows.length - 1);
    const waiting = (await outboxRows(w)).find((x) => x.status === 'pending')!;
    expect(waiting.nextAttemptAt.getTime() - w.clock.now().getTime()).toBeGreaterThanOrEqual(120_000);
    w.clock.advance(119_000);
    expect((await drain()).claimed).toBe(0);
    w.clock.advance(1_000);
    expect((await drain()).sent).toBe(1);
  });

  it('fails a blocked user for good and tells the organization admin once', async () => {
    const rows = await planDay();
    w.standIn.blockUser(lineId('send-somchai'));
    const r = await drain();
    expect(r.failed).toBe(1);
    const failed = (await outboxRows(w)).filter((x) => x.status === 'failed');
    expect(failed.map((x) => x.recipient)).toEqual([lineId('send-somchai')]);
    const alerts = await outboxRows(w, 'admin_alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.recipient).toBe(lineId('send-anan'));
    expect(alerts[0]!.status).toBe('sent');
    const toAdmin = w.standIn.delivered().filter((d) => d.body.to === lineId('send-anan'));
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.body.messages[0].text).toContain('นายสมชาย ใจดี');
    expect(rows.length).toBeGreaterThan(1);
    w.standIn.unblockUser(lineId('send-somchai'));
  });

  it('resends a row claimed by a sender that crashed before sending, once the lease expires', async () => {
    const rows = await planDay();
    const repo = createOutboxRepository(w.container.database.db);
    const now = w.clock.now();
    const claimed = await repo.claim(now, { now, until: new Date(now.getTime() + MIN) }, 100); // …and the process dies
    expect(claimed).toHaveLength(rows.length);
    expect((await drain()).claimed).toBe(0); // lease still held
    w.clock.advance(MIN + 1_000);
    const r = await drain();
    expect(r.sent).toBe(rows.length);
    expect([...deliveriesByRetryKey(w.standIn).values()].every((n) => n === 1)).toBe(true);
    expect(w.standIn.delivered()).toHaveLength(rows.length);
  });

  it('marks a row LINE had already accepted (sent, crash before marking) as sent after a 409, delivering nothing twice', async () => {
    const rows = await planDay();
    const repo = createOutboxRepository(w.container.database.db);
    const now = w.clock.now();
    const [row] = await repo.claim(now, { now, until: new Date(now.getTime() + MIN) }, 1);
    await w.container.line.push(row!.recipient, row!.messages, { retryKey: row!.retry_key }); // accepted, then kill -9
    w.clock.advance(MIN + 1_000);
    const r = await drain();
    expect(r.sent).toBe(rows.length);
    const [after] = await w.container.database.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(after!.status).toBe('sent');
    expect(w.standIn.requests.filter((q) => q.retryKey === row!.retry_key).length).toBe(2); // the resend got 409
    expect(deliveriesByRetryKey(w.standIn).get(row!.retry_key)).toBe(1);
  });

  it("does not send yesterday's reminders after an outage: they expire", async () => {
    const rows = await planDay();
    w.standIn.failNext(100, { status: 503, paths: /push/ });
    expect((await drain()).retried).toBe(rows.length); // LINE is down all day
    w.clock.set(`${days[day]!}T02:00:00Z`); // next working day, LINE is back
    w.standIn.reset();
    const r = await drain();
    expect(r.expired).toBe(rows.length);
    // Nothing of yesterday goes out; the admin is told what expired (test/security/outbox-lease.test.ts).
    expect(w.standIn.delivered().map((d) => d.body.to)).toEqual([lineId('send-anan')]);
    const mine = (await outboxRows(w)).filter((x) => x.localDate === rows[0]!.localDate);
    expect(mine.every((x) => x.status === 'expired')).toBe(true);
  });
});
