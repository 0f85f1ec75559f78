import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITY, type Level } from '../../src/modules/delivery/budget.ts';
import { createDeliveryRepository } from '../../src/modules/delivery/delivery.repository.ts';
import { createOutboxRepository } from '../../src/modules/reminders/outbox.repository.ts';
import { outboxRow } from '../../src/modules/reminders/planner.ts';
import type { WorkflowAction } from '../../src/modules/assignments/workflow.ts';
import { seedOrg } from '../helpers/seed.ts';
import { startBot, type BotContext } from '../line/helpers.ts';
import { item, lineId, orgSpec, outboxRows, WED_0900 } from '../reminders/fixtures/world.ts';

/**
 * Issue 12.2 at the sender, when few messages are left: what only informs gives way to what asks
 * for work, and one push worth more than what is left (a large group's summary) is dropped alone
 * instead of holding every cheaper push until the 1st.
 */
describe('sending when the month’s messages are short', () => {
  let t: BotContext;
  let orgId: number;
  let wichai: number;
  const SOMCHAI = lineId('sb-somchai');
  const admin = () => ({ kind: 'admin', orgId, ref: 'test' }) as const;
  const drain = () => t.container.reminders.drain(() => t.clock.now());
  const setLevel = (level: Level) => createDeliveryRepository(t.container.database.db).save({ month: '2025-01', level, forecast: null, forecastAt: t.clock.now() });

  async function act(itemNumber: number, action: WorkflowAction, note?: string) {
    const cycle = (await t.container.cycles.latest(orgId))!;
    const [a] = await t.container.assignments.list(admin(), { cycleId: cycle.id, itemNumber, limit: 1 });
    if (action === 'submit') await t.container.assignments.addEvidence(admin(), a!.id, { url: `https://sb.go.th/ita/o${itemNumber}` });
    // The supervisor checks and returns (an admin may not review); the preparers are told.
    const by = action === 'submit' ? admin() : ({ kind: 'officer', orgId, officerId: wichai, isAdmin: false } as const);
    await t.container.assignments.transition(by, a!.id, action, { confirmIncomplete: true, note });
  }

  beforeAll(async () => {
    t = await startBot({ now: WED_0900, env: { LINE_MONTHLY_MESSAGE_BUDGET: '300', PUBLIC_BASE_URL: 'https://ita.example.go.th' } });
    const s = await seedOrg(t.container, orgSpec('sb', [1, 2, 3].map((n) => item(n, '2025-01-31'))));
    orgId = s.org.id;
    wichai = s.officerIds.get('นายวิชัย คุมงาน')!;
  });
  afterAll(() => t.close());

  it('at a short level, a notice that only informs (checked) is dropped with why, while a return, which asks for work, still goes', async () => {
    await setLevel('reviews_only');
    await act(1, 'submit');
    await act(1, 'check');
    await act(2, 'submit');
    await act(2, 'return', 'ขาดลิงก์รายงานประจำปี');
    t.standIn.reset();
    const r = await drain();
    const notices = (await outboxRows(t, 'notice')).filter((n) => n.recipient === SOMCHAI);
    expect(notices.map((n) => n.priority).sort()).toEqual([PRIORITY.review, PRIORITY.notice]);
    const info = notices.find((n) => n.priority === PRIORITY.notice)!;
    const work = notices.find((n) => n.priority === PRIORITY.review)!;
    expect(info.status).toBe('dropped');
    expect(info.note).toMatch(/informational notice/);
    expect(work.status).toBe('sent');
    expect(JSON.stringify(t.standIn.delivered().filter((p) => p.body.to === SOMCHAI))).toContain('ขาดลิงก์รายงานประจำปี');
    expect(r.dropped).toBeGreaterThanOrEqual(1);
  });

  it('with summaries still going, the same notice goes too', async () => {
    await setLevel('merge');
    await act(3, 'submit');
    await act(3, 'check');
    await drain();
    const latest = (await outboxRows(t, 'notice')).filter((n) => n.recipient === SOMCHAI).sort((a, b) => b.id - a.id)[0]!;
    expect([latest.priority, latest.status]).toEqual([PRIORITY.notice, 'sent']);
  });

  it('a push that costs more than is left is dropped alone, recorded; cheaper ones after it still go, and nothing is held', async () => {
    await setLevel('full');
    const { remaining } = await t.container.delivery.allowance(t.clock.now());
    // Spend all but 5 of the month's 300 in rows already sent (what the month's count reads).
    const outbox = createOutboxRepository(t.container.database.db);
    const now = t.clock.now();
    const row = (recipient: string, cost: number, priority: number, minutes: number) => ({
      ...outboxRow({ kind: 'summary', orgId, recipient, officerId: null, localDate: '2025-01-15', messages: [{ type: 'text', text: `สรุป ${recipient}` }], now, cost, priority }),
      dedupeKey: `test:${recipient}`,
      nextAttemptAt: new Date(now.getTime() - minutes * 60_000),
    });
    await outbox.insert(t.container.database.db, [row('Cspend', remaining! - 5, PRIORITY.review, 30)]);
    await drain();
    const left = (await t.container.delivery.allowance(t.clock.now())).remaining!;
    expect(left).toBeGreaterThan(1);
    await outbox.insert(t.container.database.db, [row('Cbig', left + 10, PRIORITY.summary, 20), row(SOMCHAI, 1, PRIORITY.summary, 10)]);
    t.standIn.reset();
    const r = await drain();
    expect(r.hold).toBeUndefined();
    const rows = await outboxRows(t, 'summary');
    const big = rows.find((x) => x.recipient === 'Cbig')!;
    expect([big.status, big.note]).toEqual(['dropped', `dropped: costs ${left + 10} messages, ${left} left this month`]);
    expect(rows.find((x) => x.recipient === SOMCHAI)!.status).toBe('sent');
    expect(t.standIn.delivered().map((p) => p.body.to)).toEqual([SOMCHAI]);
    expect((await t.container.delivery.allowance(t.clock.now())).remaining).toBe(left - 1);
  });
});
