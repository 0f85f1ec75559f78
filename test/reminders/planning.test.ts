import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidays, reminderPolicies, snoozes } from '../../src/db/schema.ts';
import { runReminders } from '../../src/modules/reminders/reminders.cli.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, flexText, item, lineId, orgSpec, outboxRows, type World } from './fixtures/world.ts';

// Wednesday 15 January 2025, 09:00 Bangkok. Offsets: 0 → due 15th, 3 → 18th, 7 → 22nd, 14 → 29th;
// overdue 1 working day → due 14th; 3 working days (escalation) → due 10th; nothing → due 20th.
const at = (iso: string) => new Date(iso);
const WED_0900 = at('2025-01-15T02:00:00Z');

describe('planning reminders', () => {
  let w: World;
  let seeded: Awaited<ReturnType<typeof seedOrg>>;
  beforeAll(async () => {
    w = await createWorld();
    seeded = await seedOrg(w.container, orgSpec('plan', [
      item(1, '2025-01-15'),
      item(2, '2025-01-18'),
      item(3, '2025-01-22'),
      item(4, '2025-01-29'),
      item(5, '2025-01-14'),
      item(6, '2025-01-10'),
      item(7, '2025-01-20'),
      item(8, '2025-01-15', { status: 'submitted' }),
      item(9, '2025-01-15', { status: 'approved' }),
      item(10, '2025-01-15', { preparer: 'นางมาลี มีสุข' }),
      item(11, undefined),
    ]));
  });
  afterAll(() => w.close());

  it('plans nothing before 08:30, after 17:30, on a weekend or a holiday', async () => {
    const r = w.container.reminders;
    expect((await r.planReminders(at('2025-01-15T01:29:00Z'))).planned).toBe(0);
    expect((await r.planReminders(at('2025-01-15T10:30:00Z'))).planned).toBe(0);
    expect((await r.planReminders(at('2025-01-18T03:00:00Z'))).planned).toBe(0);
    const [h] = await w.container.database.db.insert(holidays).values({ orgId: null, date: '2025-01-15', name: 'test' }).returning();
    expect((await r.planReminders(WED_0900)).planned).toBe(0);
    await w.container.database.db.delete(holidays);
    expect(h).toBeDefined();
    expect(await outboxRows(w)).toHaveLength(0);
  });

  it('shows in a dry run who would get what, writing nothing', async () => {
    const r = await runReminders(w.container, { now: WED_0900, dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.sent).toBe(0);
    const somchai = r.preview!.find((p) => p.recipient === lineId('plan-somchai'))!;
    expect(somchai.kind).toBe('reminder');
    expect(somchai.text).toContain('O1 ');
    expect(somchai.text).toContain('ครบกำหนดวันนี้');
    expect(await outboxRows(w)).toHaveLength(0);
    expect(w.standIn.delivered()).toHaveLength(0);
  });

  it('bundles all of an officer’s due items into one message, for every offset and overdue day', async () => {
    const r = await w.container.reminders.planReminders(WED_0900);
    const reminders = await outboxRows(w, 'reminder');
    expect(reminders).toHaveLength(1);
    const row = reminders[0]!;
    expect(row.recipient).toBe(lineId('plan-somchai'));
    expect(row.dedupeKey).toBe(`reminder:${seeded.org.id}:${lineId('plan-somchai')}:2025-01-15`);
    const json = flexText(row.messages);
    for (const code of ['O1 ', 'O2 ', 'O3 ', 'O4 ', 'O5 ', 'O6 ']) expect(json).toContain(code);
    for (const code of ['O7 ', 'O8 ', 'O9 ', 'O10 ', 'O11 ']) expect(json).not.toContain(code);
    expect(json).toContain('15 ม.ค. 68'); // due date in พ.ศ.
    expect(json).toContain('เกินกำหนด 1 วัน');
    expect(json).toContain('อีก 7 วัน');
    expect(json).toContain('ยังไม่เริ่ม');
    expect(json).toContain('a=snooze&id=');
    expect(json).toContain(`/liff/items/${seeded.assignmentIds[0]}`);
    expect((row.messages as unknown[]).length).toBeLessThanOrEqual(5);
    expect(r.byKind.reminder).toBe(1);
  });

  it('escalates to supervisors on the third working day overdue and tells them about unreachable officers', async () => {
    const esc = await outboxRows(w, 'escalation');
    expect(esc.map((e) => e.recipient)).toEqual([lineId('plan-wichai')]);
    const json = flexText(esc[0]!.messages);
    expect(json).toContain('O6 '); // due 10th: 3 working days overdue
    expect(json).toContain('O10 '); // Malee has no LINE: her supervisor is told
    expect(json).toContain('นางมาลี มีสุข');
    expect(json).not.toContain('O5 '); // only 1 day overdue
  });

  it('plans each message once however often or concurrently it runs the same day', async () => {
    const before = (await outboxRows(w)).length;
    const again = await Promise.all([
      w.container.reminders.planReminders(WED_0900),
      w.container.reminders.planReminders(at('2025-01-15T09:45:00Z')),
    ]);
    expect(again.map((r) => r.planned)).toEqual([0, 0]);
    expect(await outboxRows(w)).toHaveLength(before);
  });

  it('lets a snoozed item skip the officer’s reminder through the snooze date', async () => {
    const db = w.container.database.db;
    const officerId = seeded.officerIds.get('นายสมชาย ใจดี')!;
    await db.insert(snoozes).values({ officerId, assignmentId: seeded.assignmentIds[4]!, orgId: seeded.org.id, until: '2025-01-16' });
    await w.container.reminders.planReminders(at('2025-01-16T02:00:00Z')); // Thursday
    const thu = (await outboxRows(w, 'reminder')).find((r) => r.localDate === '2025-01-16')!;
    expect(flexText(thu.messages)).not.toContain('O5 ');
    expect(flexText(thu.messages)).toContain('O1 '); // 1 day overdue
    await w.container.reminders.planReminders(at('2025-01-17T02:00:00Z')); // Friday: snooze over
    const fri = (await outboxRows(w, 'reminder')).find((r) => r.localDate === '2025-01-17')!;
    expect(flexText(fri.messages)).toContain('O5 ');
  });

  it('follows an organization’s own offsets', async () => {
    const w2 = await createWorld();
    try {
      const s = await seedOrg(w2.container, orgSpec('custom', [item(1, '2025-01-20'), item(2, '2025-01-22')]));
      await w2.container.database.db.insert(reminderPolicies).values({ orgId: s.org.id, cycleId: null, policy: { offsets: [5] } });
      await w2.container.reminders.planReminders(WED_0900);
      const rows = await outboxRows(w2, 'reminder');
      expect(rows).toHaveLength(1);
      expect(flexText(rows[0]!.messages)).toContain('O1 ');
      expect(flexText(rows[0]!.messages)).not.toContain('O2 '); // 7 is not one of this org's offsets
    } finally {
      await w2.close();
    }
  });

  it('lists at most 8 items and says how many more, with a link to all', async () => {
    const w3 = await createWorld();
    try {
      await seedOrg(w3.container, orgSpec('many', Array.from({ length: 11 }, (_, i) => item(i + 1, '2025-01-15'))));
      await w3.container.reminders.planReminders(WED_0900);
      const [row] = await outboxRows(w3, 'reminder');
      const json = flexText(row!.messages);
      expect(json).toContain('และอีก 3 รายการ');
      expect(json).toContain('ดูทั้งหมด');
      expect(json).toContain('(11 รายการ)');
      expect(Buffer.byteLength(JSON.stringify((row!.messages as any[])[0].contents))).toBeLessThan(10_000);
    } finally {
      await w3.close();
    }
  });
});
