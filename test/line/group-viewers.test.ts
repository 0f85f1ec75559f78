import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '../../src/db/schema.ts';
import { createGroupCode } from '../../src/modules/line/linking/linking.cli.ts';
import { actionsOf, deliver, gid, postbackEvent, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

/** Members of a registered group who are not linked to an officer: they read, they do not act. */
let t: BotContext;
let ids: number[];
const GROUP = gid(40);
const STRANGER = uid(4000);
const inGroup = { userId: STRANGER, groupId: GROUP };
const row = async (id: number) => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

beforeAll(async () => {
  t = await startBot();
  ids = (await seedPhatthalung(t)).assignmentIds;
  const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
  await deliver(t, textEvent(t, { userId: uid(4001), groupId: GROUP }, `ลงทะเบียน ${code}`));
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('an unlinked member of a registered group', () => {
  it('pages an item’s list of units with "ดูเพิ่มเติม", without action buttons', async () => {
    const sent = await deliver(t, postbackEvent(t, inGroup, 'a=more&l=item&o=1&n=12'));
    expect(textsOf(sent)).toContain('องค์ประกอบด้านข้อมูล');
    // The second of O12's two units only: one bubble.
    expect(sent[0]!.body.messages[0].contents.type).toBe('bubble');
    expect(actionsOf(sent).filter((a) => a.type === 'postback')).toHaveLength(0);
  });

  it('pages the pending list and opens a detail, view-only', async () => {
    expect(textsOf(await deliver(t, postbackEvent(t, inGroup, 'a=more&l=pending&o=0')))).toMatch(/รายการค้าง \d+ รายการ/);
    const detail = await deliver(t, postbackEvent(t, inGroup, `a=detail&id=${ids[0]}`));
    expect(textsOf(detail)).toMatch(/^O1 /m);
    expect(actionsOf(detail).filter((a) => a.type === 'postback')).toHaveLength(0);
  });

  it('cannot act: crafted action buttons get no answer and change nothing', async () => {
    const before = await row(ids[2]!);
    for (const data of [`a=approve&id=${ids[2]}&v=${before.version}`, `a=return&id=${ids[2]}&v=${before.version}&r=0`, `a=start&id=${ids[0]}&v=1`, `a=snooze&id=${ids[0]}&d=1`]) {
      expect(await deliver(t, postbackEvent(t, inGroup, data)), data).toHaveLength(0);
    }
    expect(await row(ids[2]!)).toMatchObject({ status: before.status, version: before.version });
    expect((await row(ids[0]!)).status).toBe('not_started');
    // Typed commands that act are ignored too.
    expect(await deliver(t, textEvent(t, inGroup, 'ส่งกลับ O3 ไม่ครบ'))).toHaveLength(0);
    expect((await row(ids[2]!)).status).toBe('submitted');
  });

  it('is read as a view-only group actor, not as an admin', async () => {
    const orgId = (await row(ids[0]!)).orgId;
    const reader = { kind: 'group' as const, orgId, groupId: GROUP };
    expect((await t.container.assignments.detail(reader, ids[2]!)).actions).toEqual([]);
    await expect(t.container.assignments.transition(reader, ids[2]!, 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.assignments.addEvidence(reader, ids[0]!, { url: 'https://pt.go.th/x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
