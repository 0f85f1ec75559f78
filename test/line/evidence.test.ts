import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { assignments, evidenceLinks } from '../../src/db/schema.ts';
import { createGroupCode } from '../../src/modules/line/linking/linking.cli.ts';
import { seedOrg } from '../helpers/seed.ts';
import { actionsOf, deliver, gid, postbackEvent, PREPARER, seedPhatthalung, startBot, SUPERVISOR, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

/** Finishing an item from the chat alone: `ลิงก์ O12 <url>` adds the evidence, then submit. */
let t: BotContext;
let noLiff: BotContext;
let ids: number[];
const TWO_UNITS = uid(500);
const evidenceOf = async (bot: BotContext, id: number) => bot.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, id));
const row = async (id: number) => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

beforeAll(async () => {
  t = await startBot();
  ids = (await seedPhatthalung(t)).assignmentIds;
  await seedOrg(t.container, {
    slug: 'two',
    units: ['กองแผน', 'กองคลัง'],
    officers: [{ name: 'นายสองหน่วย งานมาก', lineUserId: TWO_UNITS }],
    assignments: [
      { item: 7, unit: 'กองแผน', people: [['นายสองหน่วย งานมาก', 'preparer']] },
      { item: 7, unit: 'กองคลัง', people: [['นายสองหน่วย งานมาก', 'preparer']] },
    ],
  });
  // No LIFF app yet: links are this server's pages on PUBLIC_BASE_URL.
  noLiff = await startBot({ env: { LIFF_ID: '', PUBLIC_BASE_URL: 'https://ita.example.go.th' } });
  await seedPhatthalung(noLiff);
});
afterAll(async () => {
  await t.close();
  await noLiff.close();
});
beforeEach(() => {
  t.standIn.reset();
  noLiff.standIn.reset();
});

describe('adding evidence by typing `ลิงก์ O2 <url>`', () => {
  it('adds the link to the officer’s own O2 and offers the submit button, which submits', async () => {
    const sent = await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O2 https://pt.go.th/ita/o2 หน้าแรก ด้านล่างสุด'));
    expect(textsOf(sent)).toContain('แนบลิงก์หลักฐาน O2 แล้ว: https://pt.go.th/ita/o2');
    expect(await evidenceOf(t, ids[1]!)).toEqual([expect.objectContaining({ url: 'https://pt.go.th/ita/o2', label: 'หน้าแรก ด้านล่างสุด' })]);
    const submit = actionsOf(sent).find((a) => a.data?.startsWith('a=submit'))!;
    expect(submit.data).toBe(`a=submit&id=${ids[1]}&v=1`);
    // No component ticked yet: one more tap confirms.
    const ask = await deliver(t, postbackEvent(t, { userId: PREPARER }, submit.data!));
    expect(textsOf(ask)).toContain('ยังไม่ได้ติ๊กองค์ประกอบ');
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: PREPARER }, `${submit.data}&c=1`)))).toContain('ส่งตรวจ O2 แล้ว');
    expect((await row(ids[1]!)).status).toBe('submitted');
  });

  it('understands หลักฐาน and evidence too, and refuses a URL that is not http(s) with a Thai error', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'evidence O12 https://pt.go.th/ita/o12')))).toContain('แนบลิงก์หลักฐาน O12 แล้ว');
    const bad = await deliver(t, textEvent(t, { userId: PREPARER }, 'หลักฐาน ข้อ 1 www.pt.go.th/ita'));
    expect(textsOf(bad)).toContain('ลิงก์ "www.pt.go.th/ita" ไม่ถูกต้อง (ต้องขึ้นต้นด้วย https:// หรือ http://)');
    expect(await evidenceOf(t, ids[0]!)).toHaveLength(0);
  });

  it('explains the command when it is incomplete, and who may use it', async () => {
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์')))).toContain('พิมพ์: ลิงก์ O12 https://…');
    expect(textsOf(await deliver(t, textEvent(t, { userId: SUPERVISOR }, 'ลิงก์ O1 https://pt.go.th/x')))).toContain('คุณไม่ได้เป็นผู้จัดทำข้อ O1');
    expect(await evidenceOf(t, ids[0]!)).toHaveLength(0);
  });

  it('asks to use the card button when the officer prepares the item for two units', async () => {
    const sent = await deliver(t, textEvent(t, { userId: TWO_UNITS }, 'ลิงก์ O7 https://two.go.th/o7'));
    expect(textsOf(sent)).toContain('คุณจัดทำข้อ O7 ให้มากกว่าหนึ่งหน่วยงาน');
    expect(textsOf(sent)).toContain('กองคลัง');
    expect((await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.url, 'https://two.go.th/o7'))).length).toBe(0);
  });

  it('is a 1:1 command: in a group it points to the private chat and adds nothing', async () => {
    const group = gid(50);
    const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
    await deliver(t, textEvent(t, { userId: PREPARER, groupId: group }, `ลงทะเบียน ${code}`));
    t.standIn.reset();
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER, groupId: group }, 'ลิงก์ O1 https://pt.go.th/o1')))).toContain('แชตส่วนตัวกับบอท');
    expect(await deliver(t, textEvent(t, { userId: PREPARER, groupId: group }, 'ลิงก์ อยู่ไหนนะ'))).toHaveLength(0);
    expect(await evidenceOf(t, ids[0]!)).toHaveLength(0);
  });
});

describe('"done" without evidence explains both ways to add it', () => {
  it('with a LIFF app: the button and the typed command', async () => {
    const sent = await deliver(t, postbackEvent(t, { userId: PREPARER }, `a=submit&id=${ids[0]}&v=1`));
    expect(textsOf(sent)).toContain('กดปุ่มด้านล่าง หรือพิมพ์: ลิงก์ O1 https://…');
    expect(actionsOf(sent).some((a) => a.type === 'uri' && a.uri === `https://liff.line.me/2000000000-abcdEFGH/items/${ids[0]}`)).toBe(true);
    expect((await row(ids[0]!)).status).toBe('not_started');
  });

  it('without a LIFF app: the typed command only, no button to a page that is not there', async () => {
    const [first] = await noLiff.container.database.db.select().from(assignments).orderBy(assignments.id).limit(1);
    const sent = await deliver(noLiff, postbackEvent(noLiff, { userId: PREPARER }, `a=submit&id=${first!.id}&v=1`));
    expect(textsOf(sent)).toContain('พิมพ์: ลิงก์ O1 https://…');
    expect(actionsOf(sent).filter((a) => a.type === 'uri')).toHaveLength(0);
    // …and the typed command then lets the officer finish.
    await deliver(noLiff, textEvent(noLiff, { userId: PREPARER }, 'ลิงก์ O1 https://pt.go.th/o1'));
    const ask = await deliver(noLiff, postbackEvent(noLiff, { userId: PREPARER }, `a=submit&id=${first!.id}&v=1`));
    // Without a LIFF page there is nowhere to tick components: only "submit anyway".
    expect(actionsOf(ask).filter((a) => a.type === 'uri')).toHaveLength(0);
    expect(textsOf(await deliver(noLiff, postbackEvent(noLiff, { userId: PREPARER }, `a=submit&id=${first!.id}&v=1&c=1`)))).toContain('ส่งตรวจ O1 แล้ว');
  });

  it('the officer help lists the evidence command and ค้าง', async () => {
    const help = textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'ช่วยเหลือ')));
    expect(help).toContain('ลิงก์ O12 <URL>');
    expect(help).toContain('• ค้าง: ');
  });
});

describe('a button pressed on an outdated card', () => {
  it('says someone else just changed the item and how to open the latest, without "reload"', async () => {
    const [, second] = await noLiff.container.database.db.select().from(assignments).orderBy(assignments.id).limit(2);
    await noLiff.container.assignments.transition(cliActor(second!.orgId), second!.id, 'start'); // now version 2
    const text = textsOf(await deliver(noLiff, postbackEvent(noLiff, { userId: PREPARER }, `a=submit&id=${second!.id}&v=1`)));
    expect(text).toContain('รายการนี้เพิ่งถูกแก้ไขโดยผู้อื่น กรุณาเปิดรายการล่าสุด (พิมพ์รหัสข้อ เช่น O12) แล้วลองอีกครั้ง');
    expect(text).not.toContain('โหลดใหม่');
  });
});

describe('links in LINE messages on a real channel', () => {
  it('LINE credentials need LIFF_ID or PUBLIC_BASE_URL, and the error names both', () => {
    const creds = { LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' };
    expect(() => loadConfig(creds)).toThrow(/LIFF_ID or PUBLIC_BASE_URL/);
    expect(loadConfig({ ...creds, LIFF_ID: '2000000000-abcd', LINE_LOGIN_CHANNEL_ID: '2000000000' }).line.offline).toBe(false);
    expect(loadConfig({ ...creds, PUBLIC_BASE_URL: 'https://ita.example.go.th' }).line.offline).toBe(false);
    expect(loadConfig({}).line.offline).toBe(true); // offline needs neither
  });
});
