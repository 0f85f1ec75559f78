import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, summarySnapshots } from '../../src/db/schema.ts';
import { LEVELS, type Level } from '../../src/modules/delivery/budget.ts';
import { createDeliveryRepository } from '../../src/modules/delivery/delivery.repository.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, lineId, outboxRows, type World } from '../reminders/fixtures/world.ts';

const WED = '2025-01-15T02:00:00Z'; // Wednesday 09:00 Bangkok: not the week's first working day
const MON = '2025-01-20T02:00:00Z'; // Monday 09:00 Bangkok

const SOON = lineId('lv-soon'); // item due tomorrow
const OVERDUE = lineId('lv-overdue'); // item 3 working days overdue (its supervisor is escalated)
const EARLY = lineId('lv-early'); // item due in 7 days
const WICHAI = lineId('lv-wichai'); // supervisor of everything, and preparer of an item due tomorrow: gets a reminder AND a summary
const SUDA = lineId('lv-suda');
const ANAN = lineId('lv-anan');

const people = (preparer: string): Array<[string, 'preparer' | 'supervisor' | 'certifier']> => [[preparer, 'preparer'], ['นายวิชัย คุมงาน', 'supervisor'], ['นางสุดา รับรอง', 'certifier']];

/**
 * Priorities and merging at each budget level (delivery/budget.ts), as the planner applies them
 * to one working day: what goes, what is merged and what is dropped, recorded in the outbox.
 */
describe('the planner within the month’s message budget', () => {
  let w: World;
  let orgId: number;
  const db = () => w.container.database.db;

  async function planDay(at: string, level: Level) {
    w.clock.set(at);
    await db().delete(outbox);
    await db().delete(summarySnapshots);
    w.standIn.reset();
    // The month's level as delivery.refresh would store it for today.
    await createDeliveryRepository(db()).save({ month: '2025-01', level, forecast: null, forecastAt: w.clock.now() });
    await w.container.reminders.planReminders(w.clock.now());
    await w.container.reminders.planSummaries(w.clock.now());
    await w.container.reminders.drain(() => w.clock.now());
    w.clock.advance(30 * 60_000); // the summary time has passed: what waited for a summary goes alone
    await w.container.reminders.drain(() => w.clock.now());
    const rows = await outboxRows(w);
    const pushes = w.standIn.delivered().filter((r) => r.path.endsWith('/push'));
    const to = (id: string) => pushes.filter((p) => p.body.to === id);
    const status = (kind: string, recipient: string) => rows.find((r) => r.kind === kind && r.recipient === recipient)?.status;
    return { rows, pushes, to, status };
  }

  beforeAll(async () => {
    w = await createWorld({ now: WED });
    const s = await seedOrg(w.container, {
      slug: 'lv',
      units: ['กองแผน'],
      officers: [
        { name: 'นายเร่ง ด่วน', unit: 'กองแผน', lineUserId: SOON },
        { name: 'นายเลย กำหนด', unit: 'กองแผน', lineUserId: OVERDUE },
        { name: 'นายยัง มีเวลา', unit: 'กองแผน', lineUserId: EARLY },
        { name: 'นายวิชัย คุมงาน', unit: 'กองแผน', lineUserId: WICHAI },
        { name: 'นางสุดา รับรอง', unit: 'กองแผน', lineUserId: SUDA },
        { name: 'นายอนันต์ แอดมิน', lineUserId: ANAN, isAdmin: true },
      ],
      assignments: [
        { item: 1, unit: 'กองแผน', due: '2025-01-16', people: people('นายเร่ง ด่วน') },
        { item: 2, unit: 'กองแผน', due: '2025-01-10', people: people('นายเลย กำหนด') },
        { item: 3, unit: 'กองแผน', due: '2025-01-22', people: people('นายยัง มีเวลา') },
        { item: 4, unit: 'กองแผน', due: '2025-01-16', people: [['นายวิชัย คุมงาน', 'preparer'], ['นางสุดา รับรอง', 'certifier']] },
      ],
    });
    orgId = s.org.id;
  });
  afterAll(() => w.close());

  it('full: every reminder, the escalation and every summary, each its own push', async () => {
    const d = await planDay(WED, 'full');
    for (const id of [SOON, OVERDUE, EARLY, WICHAI]) expect(d.status('reminder', id)).toBe('sent');
    expect(d.status('escalation', WICHAI)).toBe('sent');
    for (const id of [WICHAI, SUDA, ANAN]) expect(d.status('summary', id)).toBe('sent');
    expect(d.to(WICHAI)).toHaveLength(3); // reminder, escalation, summary
    expect(d.rows.filter((r) => r.status === 'dropped' || r.status === 'merged')).toEqual([]);
  });

  it('merge: a person who gets a summary gets their reminder inside it, one push instead of two', async () => {
    const d = await planDay(WED, 'merge');
    expect(d.status('reminder', WICHAI)).toBe('merged');
    const summary = d.rows.find((r) => r.kind === 'summary' && r.recipient === WICHAI)!;
    expect(summary.status).toBe('sent');
    expect((summary.messages as unknown[]).length).toBe(2);
    expect(d.to(WICHAI)).toHaveLength(2); // the escalation, and the summary carrying the reminder
    expect(JSON.stringify(d.to(WICHAI).map((p) => p.body.messages))).toContain('งาน ITA ที่ต้องดำเนินการ');
    for (const id of [SOON, OVERDUE, EARLY]) expect(d.status('reminder', id)).toBe('sent');
  });

  it('weekly: no summary on a Wednesday (recorded as dropped), so the reminder goes alone', async () => {
    const d = await planDay(WED, 'weekly');
    for (const id of [WICHAI, SUDA, ANAN]) expect(d.status('summary', id)).toBe('dropped');
    expect(d.rows.find((r) => r.kind === 'summary' && r.recipient === ANAN)!.note).toContain('weekly');
    expect(d.status('reminder', WICHAI)).toBe('sent');
    expect(await db().select().from(summarySnapshots)).toEqual([]); // the next summary still compares with the last one sent
  });

  it('weekly: on Monday the summary goes, with the reminder inside', async () => {
    const d = await planDay(MON, 'weekly');
    for (const id of [WICHAI, SUDA, ANAN]) expect(d.status('summary', id)).toBe('sent');
    expect(d.status('reminder', WICHAI)).toBe('merged');
  });

  it('no_summaries, then earlier, overdue and urgent reminders, then escalations, are left out in that order', async () => {
    const expectations: Array<[Level, string[], string[]]> = [
      ['no_summaries', [SOON, OVERDUE, EARLY, WICHAI], []],
      ['no_early_reminders', [SOON, OVERDUE, WICHAI], [EARLY]],
      ['no_overdue_reminders', [SOON, WICHAI], [EARLY, OVERDUE]],
      ['escalations_only', [], [SOON, OVERDUE, EARLY, WICHAI]],
    ];
    for (const [level, sent, dropped] of expectations) {
      const d = await planDay(WED, level);
      for (const id of sent) expect(d.status('reminder', id), `${level} ${id}`).toBe('sent');
      for (const id of dropped) expect(d.status('reminder', id), `${level} ${id}`).toBe('dropped');
      expect(d.status('escalation', WICHAI)).toBe('sent');
      expect(d.rows.filter((r) => r.kind === 'summary').every((r) => r.status === 'dropped')).toBe(true);
      for (const r of d.rows.filter((x) => x.status === 'dropped')) expect(r.note).toContain(`level ${level}`);
    }
  });

  it('reviews_only: escalations are dropped too, a review request still goes', async () => {
    const d = await planDay(WED, 'reviews_only');
    expect(d.status('escalation', WICHAI)).toBe('dropped');
    expect(d.pushes).toHaveLength(0);
    const actor = { kind: 'admin', orgId, ref: 'test' } as const;
    const assignment = (await w.container.assignments.list(actor, { cycleId: (await w.container.cycles.latest(orgId))!.id, limit: 10, offset: 0 }))[0]!;
    await w.container.assignments.addEvidence(actor, assignment.id, { url: 'https://lv.go.th/ita/o1' });
    await w.container.assignments.transition(actor, assignment.id, 'submit', { confirmIncomplete: true });
    await w.container.reminders.drain(() => w.clock.now());
    const requests = (await outboxRows(w, 'review_request')).filter((r) => r.status === 'sent');
    // Two-step review: the supervisor's card goes at the submit; the certifier's comes after the check.
    expect(requests.map((r) => r.recipient)).toEqual([WICHAI]);
  });

  it('the level comes from the budget: the chosen level’s forecast fits what is left, and the sender keeps within it', async () => {
    w.clock.set(WED);
    await db().delete(outbox);
    await db().delete(summarySnapshots);
    w.standIn.reset();
    w.standIn.setQuota(null);
    const free = await w.container.delivery.refresh(w.clock.now(), { forecast: true });
    expect(free.level).toBe('full');
    const full = free.forecast!.full;
    w.standIn.setQuota(full - 1);
    w.standIn.setUsage(0);
    const tight = await w.container.delivery.refresh(w.clock.now());
    expect(LEVELS.indexOf(tight.level)).toBeGreaterThan(0);
    expect(tight.forecast!.atLevel).toBeLessThanOrEqual(tight.remaining!);
    await w.container.reminders.planReminders(w.clock.now());
    await w.container.reminders.planSummaries(w.clock.now());
    await w.container.reminders.drain(() => w.clock.now());
    expect(w.standIn.usage()).toBeLessThanOrEqual(full - 1);
    const sent = await db().select().from(outbox).where(eq(outbox.status, 'sent'));
    expect(sent.reduce((n, r) => n + r.cost, 0)).toBe(w.standIn.usage());
  });
});
