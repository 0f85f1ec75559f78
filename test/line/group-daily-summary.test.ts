import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineGroups, outbox } from '../../src/db/schema.ts';
import { createGroupCode } from '../../src/modules/line/linking/linking.cli.ts';
import { CERTIFIER, deliver, gid, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

/** A registered group opts in to the organization-wide daily summary, by an admin's command. */
let t: BotContext;
const GROUP = gid(77);
const group = async () => (await t.container.database.db.select().from(lineGroups).where(eq(lineGroups.groupId, GROUP)))[0]!;

beforeAll(async () => {
  t = await startBot({ now: '2025-01-15T01:00:00Z' }); // Wed 08:00 Bangkok
  await seedPhatthalung(t);
  await t.container.orgs.setAdmin({ kind: 'admin', orgId: (await t.container.orgs.bySlug('pt')).id, ref: 'test' }, 'นางผู้รับรอง ข้อมูล', true);
  const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
  await deliver(t, textEvent(t, { userId: uid(900), groupId: GROUP }, `ลงทะเบียน ${code}`));
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('daily summary in a group', () => {
  it('is off after registration, and anyone can ask whether it is on', async () => {
    expect((await group()).dailySummary).toBe(false);
    expect(textsOf(await deliver(t, textEvent(t, { userId: uid(901), groupId: GROUP }, 'สรุปรายวัน')))).toContain('ปิดอยู่');
  });

  it('cannot be turned on by a member who is not an admin', async () => {
    for (const userId of [PREPARER, uid(901)]) {
      expect(textsOf(await deliver(t, textEvent(t, { userId, groupId: GROUP }, 'สรุปรายวัน เปิด')))).toContain('เฉพาะผู้ดูแลระบบ');
    }
    expect((await group()).dailySummary).toBe(false);
  });

  it('an admin turns it on, and the next morning the group gets the organization-wide summary', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: CERTIFIER, groupId: GROUP }, 'daily on')))).toContain('เปิดแล้ว');
    expect((await group()).dailySummary).toBe(true);
    t.clock.set('2025-01-16T01:45:00Z'); // Thu 08:45
    await t.container.reminders.planSummaries(t.clock.now());
    const rows = await t.container.database.db.select().from(outbox).where(eq(outbox.recipient, GROUP));
    expect(rows).toHaveLength(1);
  });

  it('is a group command: in a 1:1 chat it says where to use it', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: CERTIFIER }, 'สรุปรายวัน ปิด')))).toContain('ในกลุ่ม');
  });

  it('an admin turns it off again', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: CERTIFIER, groupId: GROUP }, 'สรุปรายวัน ปิด')))).toContain('ปิดแล้ว');
    expect((await group()).dailySummary).toBe(false);
  });
});
