import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineGroups, summarySnapshots } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { runSummary } from '../../src/modules/reminders/reminders.cli.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, flexText, item, lineId, orgSpec, outboxRows, type World } from './fixtures/world.ts';

const at = (iso: string) => new Date(iso);

describe('daily summaries', () => {
  let w: World;
  let seeded: Awaited<ReturnType<typeof seedOrg>>;
  beforeAll(async () => {
    w = await createWorld();
    seeded = await seedOrg(w.container, orgSpec('sum', [
      item(1, '2025-01-10'),
      item(2, '2025-01-10', { status: 'approved' }),
      item(3, '2025-02-28'),
      item(4, '2025-02-28', { status: 'submitted' }),
    ]));
    const db = w.container.database.db;
    await db.insert(lineGroups).values([
      { orgId: seeded.org.id, groupId: 'Cgroupoptin', name: 'คณะทำงาน ITA', dailySummary: true, registeredAt: new Date() },
      { orgId: seeded.org.id, groupId: 'Cgroupquiet', name: 'กลุ่มอื่น', dailySummary: false, registeredAt: new Date() },
    ]);
  });
  afterAll(() => w.close());

  it('is not planned before the summary time or on a weekend', async () => {
    expect((await w.container.reminders.planSummaries(at('2025-01-15T01:29:00Z'))).planned).toBe(0);
    expect((await w.container.reminders.planSummaries(at('2025-01-18T02:00:00Z'))).planned).toBe(0);
  });

  it('goes to supervisors, certifiers, admins and opted-in groups with counts, percent approved and the overdue list', async () => {
    const r = await runSummary(w.container, { now: at('2025-01-15T01:30:00Z'), dryRun: false });
    expect(r.planned).toBe(4);
    expect(r.sent).toBe(4);
    const rows = await outboxRows(w, 'summary');
    expect(rows.map((x) => x.recipient).sort()).toEqual(['Cgroupoptin', lineId('sum-anan'), lineId('sum-suda'), lineId('sum-wichai')].sort());
    const admin = flexText(rows.find((x) => x.recipient === lineId('sum-anan'))!.messages);
    expect(admin).toContain('ภาพรวมทั้งหน่วยงาน');
    expect(admin).toContain('เสร็จสมบูรณ์ 25% (1/4: รับรองแล้วหรือไม่มีข้อมูล)');
    expect(admin).toContain('เกินกำหนด 1 รายการ');
    expect(admin).toContain('O1 กำหนด 10 ม.ค. 68');
    expect(admin).toContain('สรุปครั้งแรก');
    expect(flexText(rows.find((x) => x.recipient === lineId('sum-wichai'))!.messages)).toContain('รายการที่คุณกำกับติดตาม/รับรอง');
    expect(w.standIn.delivered().map((d) => d.body.to).sort()).toEqual(rows.map((x) => x.recipient).sort());
    expect(await w.container.database.db.select().from(summarySnapshots)).toHaveLength(4);
  });

  it('is planned once a day however many ticks run', async () => {
    expect((await w.container.reminders.planSummaries(at('2025-01-15T03:00:00Z'))).planned).toBe(0);
  });

  it('tells what changed since the previous summary', async () => {
    const actor: Actor = { kind: 'admin', orgId: seeded.org.id, ref: 'test' };
    await w.container.assignments.transition(actor, seeded.assignmentIds[0]!, 'start');
    const r = await runSummary(w.container, { now: at('2025-01-16T01:45:00Z'), dryRun: true });
    const admin = r.preview!.find((p) => p.recipient === lineId('sum-anan'))!;
    expect(admin.text).toContain('O1: ยังไม่เริ่ม → อยู่ระหว่างดำเนินการ');
    expect(admin.text).not.toContain('O3:');
    expect(await outboxRows(w, 'summary')).toHaveLength(4); // dry run wrote nothing
  });

  it('is not sent when there is nothing open and nothing changed', async () => {
    const w2 = await createWorld();
    try {
      await seedOrg(w2.container, orgSpec('done', [item(1, '2025-01-10', { status: 'approved' })]));
      expect((await w2.container.reminders.planSummaries(at('2025-01-15T02:00:00Z'))).planned).toBe(3); // first one
      expect((await w2.container.reminders.planSummaries(at('2025-01-16T02:00:00Z'))).planned).toBe(0);
    } finally {
      await w2.close();
    }
  });
});
