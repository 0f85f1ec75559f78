import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignments, evidenceLinks, officers, snoozes } from '../../src/db/schema.ts';
import { createGroupCode } from '../../src/modules/line/linking/linking.cli.ts';
import {
  actionsOf, CERTIFIER, deliver, event, gid, postbackEvent, PREPARER, PREPARER_B, seedPhatthalung, startBot, SUPERVISOR, textEvent, textsOf, uid, type BotContext,
} from './helpers.ts';

let t: BotContext;
let ids: number[];
const GROUP = gid(10);
const status = async (id: number) => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

beforeAll(async () => {
  t = await startBot();
  ids = (await seedPhatthalung(t)).assignmentIds;
  const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
  await deliver(t, textEvent(t, { userId: uid(300), groupId: GROUP }, `ลงทะเบียน ${code}`));
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.container.lineBot.worker.processPending();
  t.standIn.reset();
});

describe('1:1 commands', () => {
  it('งานของฉัน lists the officer’s open items, overdue first, with Buddhist-era due dates', async () => {
    const sent = await deliver(t, textEvent(t, { userId: PREPARER }, 'งาน ของฉัน'));
    const msg = sent[0]!.body.messages[0];
    expect(msg.type).toBe('flex');
    expect(msg.altText).toBe('งานของฉัน 3 รายการ (เกินกำหนด 1)');
    const bubbles = msg.contents.contents;
    expect(bubbles[0].header.contents[0].contents[0].text).toBe('O1');
    const all = textsOf(sent);
    expect(all).toContain('กำหนด 10 ม.ค. 68 · เกินกำหนด 5 วัน');
    expect(all).toContain('กำหนด 28 ก.พ. 68');
    // Buttons: start, add evidence (opens the LIFF page, no evidence yet), snooze, details.
    const acts = actionsOf(sent);
    expect(acts.some((a) => a.type === 'uri' && a.uri === `https://liff.line.me/2000000000-abcdEFGH/items/${ids[0]}`)).toBe(true);
    expect(acts.some((a) => a.data === `a=start&id=${ids[0]}&v=1`)).toBe(true);
  });

  it('O12, ข้อ 12 and สถานะ ๐๑๒ show the item detail with components, status, evidence and people', async () => {
    for (const q of ['O12', 'ข้อ 12', 'สถานะ ๐๑๒']) {
      const sent = await deliver(t, textEvent(t, { userId: PREPARER }, q));
      const all = textsOf(sent);
      expect(all).toContain('องค์ประกอบด้านข้อมูล');
      expect(all).toContain('ผู้จัดทำ: นางสาวสมศรี ใจดี (นวค.)');
      expect(all).toContain('ยังไม่มีลิงก์หลักฐาน');
      // Both units' assignments, the officer's own first.
      expect(sent[0]!.body.messages[0].contents.contents).toHaveLength(2);
      expect(sent[0]!.body.messages[0].altText).toMatch(/^O12 /);
    }
  });

  it('an unknown item code gets a clear answer', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'O27')))).toContain('ไม่พบการมอบหมายข้อ O27');
  });

  it('สรุป for a supervisor shows progress and the submitted items with check and return buttons', async () => {
    const sent = await deliver(t, textEvent(t, { userId: SUPERVISOR }, 'สรุป'));
    const all = textsOf(sent);
    expect(all).toContain('รายการที่คุณกำกับติดตาม/รับรอง');
    expect(all).toContain('รอคุณตรวจหรือรับรอง 1 รายการ');
    const acts = actionsOf(sent);
    expect(acts.some((a) => a.data === `a=check&id=${ids[2]}&v=1` && a.label === 'ตรวจแล้ว')).toBe(true);
    expect(acts.some((a) => a.data === `a=ret&id=${ids[2]}&v=1`)).toBe(true);
    expect(acts.some((a) => a.data?.startsWith('a=approve'))).toBe(false); // certifying is the certifier's step
  });

  it('สรุป for the certifier lists nothing to certify before the supervisor has checked', async () => {
    const all = textsOf(await deliver(t, textEvent(t, { userId: CERTIFIER }, 'สรุป')));
    expect(all).toContain('รอคุณตรวจหรือรับรอง 0 รายการ');
  });

  it('anything else gets a short help in 1:1', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'สวัสดีครับ')))).toContain('ไม่เข้าใจคำสั่ง');
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'help')))).toContain('• งานของฉัน: รายการที่คุณต้องทำ');
  });
});

describe('buttons', () => {
  it('start moves the item to in progress; a second tap of the same button is harmless', async () => {
    const data = `a=start&id=${ids[0]}&v=1`;
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER }, data)))).toContain('เริ่มดำเนินการ O1 แล้ว');
    expect((await status(ids[0]!)).status).toBe('in_progress');
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER }, data)))).toContain('เริ่มดำเนินการ O1 แล้ว');
    expect((await status(ids[0]!)).version).toBe(2);
  });

  it('done without evidence opens the LIFF page instead; with evidence it submits', async () => {
    const noEvidence = await deliver(t, postbackEvent(t, { userId: PREPARER }, `a=submit&id=${ids[0]}&v=2`));
    expect(textsOf(noEvidence)).toContain('ยังไม่มีลิงก์หลักฐาน');
    expect(actionsOf(noEvidence).some((a) => a.type === 'uri' && a.uri!.endsWith(`/items/${ids[0]}`))).toBe(true);
    expect((await status(ids[0]!)).status).toBe('in_progress');
    await t.container.database.db.insert(evidenceLinks).values({ orgId: (await status(ids[0]!)).orgId, assignmentId: ids[0]!, url: 'https://pt.go.th/ita/o1', addedBy: 'test' });
    // Nothing ticked on the LIFF page yet: the officer confirms (the reviewer is told which are unticked), or opens the page.
    const ask = await deliver(t, postbackEvent(t, { userId: PREPARER }, `a=submit&id=${ids[0]}&v=2`));
    expect(textsOf(ask)).toContain('O1 ยังไม่ได้ติ๊กองค์ประกอบ 3 จาก 3 ข้อ');
    expect(actionsOf(ask).some((a) => a.type === 'uri' && a.uri!.endsWith(`/items/${ids[0]}`))).toBe(true);
    expect((await status(ids[0]!)).status).toBe('in_progress');
    const confirm = actionsOf(ask).find((a) => a.data === `a=submit&id=${ids[0]}&v=2&c=1`)!;
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER }, confirm.data!)))).toContain('ส่งตรวจ O1 แล้ว');
    expect((await status(ids[0]!)).status).toBe('submitted');
  });

  it('snooze writes a snooze for the officer until tomorrow (Bangkok)', async () => {
    const sent = await deliver(t, postbackEvent(t, { userId: PREPARER }, `a=snooze&id=${ids[1]}&d=1`));
    expect(textsOf(sent)).toContain('เลื่อนการเตือน O2 ถึง 16 มกราคม 2568');
    const [row] = await t.container.database.db.select().from(snoozes).where(eq(snoozes.assignmentId, ids[1]!));
    expect(row!.until).toBe('2025-01-16');
  });

  it('a crafted postback for another officer’s item is refused and changes nothing', async () => {
    // Officer B presses "start" on officer A's O2, and approves their own item O3.
    const a = await deliver(t, postbackEvent(t, { userId: PREPARER_B }, `a=start&id=${ids[1]}&v=1`));
    expect(textsOf(a)).toContain('คุณไม่มีสิทธิ์เริ่มดำเนินการรายการนี้');
    expect((await status(ids[1]!)).status).toBe('not_started');
    const b = await deliver(t, postbackEvent(t, { userId: PREPARER_B }, `a=approve&id=${ids[2]}&v=1`));
    expect(textsOf(b)).toContain('คุณเป็นผู้จัดทำหรือผู้ส่งตรวจ O3 จึงตรวจหรือรับรองรายการนี้เองไม่ได้');
    const b2 = await deliver(t, postbackEvent(t, { userId: PREPARER_B }, `a=check&id=${ids[2]}&v=1`));
    expect(textsOf(b2)).toContain('จึงตรวจหรือรับรองรายการนี้เองไม่ได้');
    const c = await deliver(t, postbackEvent(t, { userId: PREPARER_B }, `a=snooze&id=${ids[1]}&d=1`));
    expect(textsOf(c)).toContain('คุณไม่มีสิทธิ์');
    // An unlinked LINE user pressing a forwarded button gets the linking help only.
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: uid(999) }, `a=approve&id=${ids[2]}&v=1`)))).toContain('ผูกบัญชี');
    expect((await status(ids[2]!)).status).toBe('submitted');
    // Garbage payloads.
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER_B }, 'a=approve&id=1;drop')))).toContain('ปุ่มนี้ใช้ไม่ได้แล้ว');
  });

  it('return asks for a reason with quick replies, then returns with the chosen reason', async () => {
    const ask = await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=ret&id=${ids[2]}&v=1`));
    const quick = ask[0]!.body.messages[0].quickReply.items;
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.length).toBeLessThanOrEqual(13);
    expect(textsOf(ask)).toContain('ส่งกลับ O3 <เหตุผล>');
    const done = await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, quick[1].action.data));
    expect(textsOf(done)).toContain('ส่งกลับ O3 ให้แก้ไขแล้ว: ข้อมูลไม่ครบองค์ประกอบ');
    expect(await status(ids[2]!)).toMatchObject({ status: 'returned', statusNote: 'ข้อมูลไม่ครบองค์ประกอบ' });
  });

  it('a supervisor checks by button (final without a certifier), and can return by typing `ส่งกลับ O1 <เหตุผล>`', async () => {
    const sent = await deliver(t, textEvent(t, { userId: SUPERVISOR }, 'ส่งกลับ ข้อ 1 ลิงก์เปิดไม่ได้'));
    expect(textsOf(sent)).toContain('ส่งกลับ O1 ให้แก้ไขแล้ว: ลิงก์เปิดไม่ได้');
    expect(await status(ids[0]!)).toMatchObject({ status: 'returned', statusNote: 'ลิงก์เปิดไม่ได้' });
    await t.container.assignments.transition({ kind: 'officer', orgId: (await status(ids[0]!)).orgId, officerId: (await t.container.database.db.select().from(officers).where(eq(officers.lineUserId, PREPARER)))[0]!.id, isAdmin: false }, ids[0]!, 'submit', { confirmIncomplete: true });
    const v = (await status(ids[0]!)).version;
    // A card from before two-step review ("approve") means the supervisor's check.
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=approve&id=${ids[0]}&v=${v}`)))).toContain('ตรวจ O1 แล้ว รายการนี้เสร็จสมบูรณ์');
    expect((await status(ids[0]!)).status).toBe('approved');
    // Pressing it again: already done by them.
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=check&id=${ids[0]}&v=${v}`)))).toContain('ตรวจ O1 แล้ว');
  });
});

describe('group commands', () => {
  it('ค้าง lists every item not yet approved, grouped by status, with units, preparers and due dates', async () => {
    const sent = await deliver(t, textEvent(t, { userId: uid(301), groupId: GROUP }, 'ค้าง'));
    expect(sent[0]!.path).toBe('/v2/bot/message/reply');
    const all = textsOf(sent);
    expect(all).toMatch(/รายการค้าง \d+ รายการ/);
    expect(all).toContain('ส่งกลับแก้ไข');
    expect(all).toContain('กลุ่มงานอำนวยการ · นายสมชาย ขยัน');
    expect(all).not.toContain('O4 '); // approved
    // Anyone in the registered group may read; an unlinked member gets no action buttons.
    expect(actionsOf(sent).filter((a) => a.type === 'postback')).toHaveLength(0);
  });

  it('long lists continue with a "more" button instead of being cut', async () => {
    const many = await seedPhatthalung(t, 'big');
    void many;
    const { code } = await createGroupCode(t.container, { orgSlug: 'big' });
    const bigGroup = gid(11);
    await deliver(t, textEvent(t, { userId: uid(302), groupId: bigGroup }, `ลงทะเบียน ${code}`));
    // 30 more open items in "big".
    const { cycles, catalogItems, units } = await import('../../src/db/schema.ts');
    const db = t.container.database.db;
    const [cycle] = await db.select().from(cycles).where(eq(cycles.orgId, many.org.id));
    const [unit] = await db.select().from(units).where(eq(units.orgId, many.org.id));
    const items = await db.select().from(catalogItems).where(and(eq(catalogItems.year, 2568)));
    for (const it of items.filter((i) => ![1, 2, 3, 4, 12].includes(i.number))) {
      await db.insert(assignments).values({ orgId: many.org.id, cycleId: cycle!.id, itemId: it.id, unitId: unit!.id, dueOn: '2025-02-01' });
    }
    const first = await deliver(t, textEvent(t, { userId: uid(302), groupId: bigGroup }, 'pending'));
    expect(textsOf(first)).toContain('รายการที่ 1–15 จาก 28');
    const more = actionsOf(first).find((a) => a.data?.startsWith('a=more'))!;
    expect(more.data).toBe('a=more&l=pending&o=15');
    const second = await deliver(t, postbackEvent(t, { userId: uid(302), groupId: bigGroup }, more.data!));
    expect(textsOf(second)).toContain('รายการที่ 16–28 จาก 28');
    expect(actionsOf(second).some((a) => a.data?.startsWith('a=more'))).toBe(false);
  });

  it('สรุป gives counts and percent complete per sub-indicator with progress bars', async () => {
    const sent = await deliver(t, textEvent(t, { userId: uid(301), groupId: GROUP }, 'สรุป'));
    const msg = sent[0]!.body.messages[0];
    expect(msg.altText).toMatch(/^สรุปความคืบหน้า \d+% \(\d+\/6\)$/);
    expect(textsOf(sent)).toContain('9.1');
    expect(JSON.stringify(msg)).toMatch(/"width":"\d+%"/);
  });

  it('item detail works in the group; ordinary chat and bare numbers are ignored', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: uid(301), groupId: GROUP }, 'O12')))).toContain('องค์ประกอบด้านข้อมูล');
    expect(await deliver(t, textEvent(t, { userId: uid(301), groupId: GROUP }, 'ประชุม 12 โมงนะ'))).toHaveLength(0);
    expect(await deliver(t, textEvent(t, { userId: uid(301), groupId: GROUP }, '12'))).toHaveLength(0);
  });
});

describe('follow, unfollow, join and members', () => {
  it('unfollow marks the officer unreachable; follow brings them back with a greeting', async () => {
    await deliver(t, event(t, { userId: PREPARER_B }, 'unfollow', { replyToken: undefined }));
    expect((await t.container.database.db.select().from(officers).where(eq(officers.lineUserId, PREPARER_B)))[0]!.reachable).toBe(false);
    const sent = await deliver(t, event(t, { userId: PREPARER_B }, 'follow'));
    expect(textsOf(sent)).toContain('ยินดีต้อนรับกลับ นายสมชาย ขยัน');
    expect((await t.container.database.db.select().from(officers).where(eq(officers.lineUserId, PREPARER_B)))[0]!.reachable).toBe(true);
    expect(textsOf(await deliver(t, event(t, { userId: uid(400) }, 'follow')))).toContain('ผูกบัญชี <รหัส>');
  });

  it('join introduces the bot and explains registration; memberJoined welcomes in a registered group', async () => {
    expect(textsOf(await deliver(t, event(t, { userId: uid(401), groupId: gid(50) }, 'join')))).toContain('ลงทะเบียน <รหัส>');
    const welcome = await deliver(t, event(t, { userId: uid(402), groupId: GROUP }, 'memberJoined', { joined: { members: [{ type: 'user', userId: uid(402) }] } }));
    expect(textsOf(welcome)).toContain('ยินดีต้อนรับสู่กลุ่มคณะทำงาน ITA');
    expect(await deliver(t, event(t, { userId: uid(402), groupId: gid(50) }, 'memberJoined', { joined: { members: [] } }))).toHaveLength(0);
  });
});
