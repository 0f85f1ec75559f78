import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import { createDeliveryRepository } from '../../src/modules/delivery/delivery.repository.ts';
import { seedOrg } from '../helpers/seed.ts';
import { deliver, startBot, textEvent, type BotContext } from '../line/helpers.ts';
import { item, lineId, orgSpec, outboxRows, WED_0900 } from '../reminders/fixtures/world.ts';

/**
 * Issue 12.2/12.7 on a small plan: while a message budget applies every push counts, so a
 * reviewer's review requests waiting at a send go as ONE push listing each item's card (its own
 * buttons, its link to the LIFF review page); the others are logged as merged into it. And a
 * review request not yet pushed rides on the reviewer's next free reply.
 */
describe('review requests in one digest message while a budget applies', () => {
  let t: BotContext;
  let orgId: number;
  const WICHAI = lineId('dg-wichai');
  const admin = () => ({ kind: 'admin', orgId, ref: 'test' }) as const;
  const pushesTo = (to: string) => t.standIn.delivered().filter((r) => r.path === '/v2/bot/message/push' && r.body.to === to);

  async function submit(itemNumber: number) {
    const cycle = (await t.container.cycles.latest(orgId))!;
    const [a] = await t.container.assignments.list(admin(), { cycleId: cycle.id, itemNumber, limit: 1 });
    await t.container.assignments.addEvidence(admin(), a!.id, { url: `https://dg.go.th/ita/o${itemNumber}` });
    await t.container.assignments.transition(admin(), a!.id, 'submit', { confirmIncomplete: true });
  }
  const requestsFor = async (to: string) => (await outboxRows(t, 'review_request')).filter((r) => r.recipient === to);

  beforeAll(async () => {
    t = await startBot({ now: WED_0900, env: { LINE_MONTHLY_MESSAGE_BUDGET: '300', PUBLIC_BASE_URL: 'https://ita.example.go.th' } });
    const s = await seedOrg(t.container, orgSpec('dg', [1, 2, 3, 4, 5, 6, 7].map((n) => item(n, '2025-01-31'))));
    orgId = s.org.id;
  });
  afterAll(() => t.close());

  it('three submissions waiting for the same reviewer go as one push with three cards; the log says which message carried them', async () => {
    for (const n of [1, 2, 3]) await submit(n);
    t.standIn.reset();
    const r = await t.container.reminders.drain(() => t.clock.now());
    expect(r.digested).toBe(2);
    const pushes = pushesTo(WICHAI);
    expect(pushes).toHaveLength(1);
    const messages = pushes[0]!.body.messages as Array<{ type: string; altText: string; contents: { type: string; contents: unknown[] } }>;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.contents.type).toBe('carousel');
    expect(messages[0]!.contents.contents).toHaveLength(3);
    expect(messages[0]!.altText).toBe('มีงานรอคุณตรวจ 3 รายการ');
    for (const code of ['O1', 'O2', 'O3']) expect(JSON.stringify(messages)).toContain(`"${code}"`);
    const rows = await requestsFor(WICHAI);
    const lead = rows.find((x) => x.status === 'sent')!;
    expect(lead.note).toContain('digest: 3 review requests');
    expect(rows.filter((x) => x.status === 'merged').map((x) => x.note)).toEqual([
      `merged into the digest message #${lead.id} (one push for the day's review requests)`,
      `merged into the digest message #${lead.id} (one push for the day's review requests)`,
    ]);
  });

  it('a request that a sender has already tried is never merged (its push may have reached LINE)', async () => {
    await submit(4);
    const [tried] = (await requestsFor(WICHAI)).filter((x) => x.status === 'pending');
    // As after a timeout: the push went out once and the row waits for its retry, now due.
    await t.container.database.db.update(outbox).set({ attempts: 1 }).where(eq(outbox.id, tried!.id));
    await submit(5);
    t.standIn.reset();
    const r = await t.container.reminders.drain(() => t.clock.now());
    expect(r.digested).toBe(0);
    expect(pushesTo(WICHAI)).toHaveLength(2);
    expect((await requestsFor(WICHAI)).filter((x) => x.status === 'merged')).toHaveLength(2); // the first test's
  });

  it('a review request not yet pushed goes with the reviewer’s free reply instead, and is never pushed', async () => {
    const cycle = (await t.container.cycles.latest(orgId))!;
    const [a] = await t.container.assignments.list(admin(), { cycleId: cycle.id, itemNumber: 1, limit: 1 });
    // Wichai checks item 1: Suda's certification request is planned, not pushed yet.
    const wichai = (await t.container.lineBot.linkingRepo.officersByLineUser(WICHAI))[0]!;
    await t.container.assignments.transition({ kind: 'officer', orgId, officerId: wichai.id, isAdmin: false }, a!.id, 'check');
    const SUDA = lineId('dg-suda');
    const [pending] = (await requestsFor(SUDA)).filter((x) => x.status === 'pending');
    expect(pending).toBeDefined();
    t.standIn.reset();
    const sent = await deliver(t, textEvent(t, { userId: SUDA }, 'ช่วยเหลือ'));
    expect(sent.map((x) => x.path)).toEqual(['/v2/bot/message/reply']);
    expect(JSON.stringify(sent[0]!.body.messages)).toContain(JSON.stringify((pending!.messages as unknown[])[0]));
    expect((await requestsFor(SUDA)).find((x) => x.id === pending!.id)!.status).toBe('merged');
    await t.container.reminders.drain(() => t.clock.now());
    expect(pushesTo(SUDA)).toHaveLength(0);
  });

  it('while the budget is short (level below full), the day’s review requests wait for one digest at 16:00 Bangkok', async () => {
    const db = t.container.database.db;
    await createDeliveryRepository(db).save({ month: '2025-01', level: 'reviews_only', forecast: null, forecastAt: t.clock.now() });
    await submit(6);
    t.standIn.reset();
    await t.container.reminders.drain(() => t.clock.now()); // 09:00: nothing goes to Wichai yet
    expect(pushesTo(WICHAI)).toHaveLength(0);
    const waiting = (await requestsFor(WICHAI)).filter((x) => x.status === 'pending');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.nextAttemptAt.toISOString()).toBe('2025-01-15T09:00:00.000Z'); // 16:00 Bangkok
    t.clock.set('2025-01-15T05:00:00Z'); // 12:00 Bangkok: another submission joins it
    await submit(7);
    await t.container.reminders.drain(() => t.clock.now());
    expect(pushesTo(WICHAI)).toHaveLength(0);
    t.clock.set('2025-01-15T09:00:00Z');
    const r = await t.container.reminders.drain(() => t.clock.now());
    expect(r.digested).toBe(1);
    const pushes = pushesTo(WICHAI);
    expect(pushes).toHaveLength(1);
    expect(JSON.stringify(pushes[0]!.body.messages)).toContain('มีงานรอคุณตรวจ 2 รายการ');
  });
});
