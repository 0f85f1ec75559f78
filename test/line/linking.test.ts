import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineGroups, officers } from '../../src/db/schema.ts';
import { createGroupCode, createLinkCode, MAX_FAILED_ATTEMPTS } from '../../src/modules/line/linking.usecases.ts';
import { deliver, gid, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

let t: BotContext;
const officer = async (name: string) => (await t.container.database.db.select().from(officers).where(eq(officers.name, name)))[0]!;

beforeAll(async () => {
  t = await startBot();
  await seedPhatthalung(t);
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('linking an officer with a one-time code', () => {
  it('links the LINE user who sends `ผูกบัญชี <code>` in a 1:1 chat, once', async () => {
    const { code, expiresAt } = await createLinkCode(t.container, { orgSlug: 'pt', officerName: 'นาย ยังไม่  ผูกบัญชี' });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt.getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    const newUser = uid(100);
    const sent = await deliver(t, textEvent(t, { userId: newUser }, `ผูกบัญชี ${code.toLowerCase().replace('-', ' ')}`));
    expect(textsOf(sent)).toContain('ผูกบัญชีเรียบร้อย: นายยังไม่ ผูกบัญชี');
    expect((await officer('นายยังไม่ ผูกบัญชี')).lineUserId).toBe(newUser);
    // The same code again, from someone else: refused, and nothing changes.
    const reused = await deliver(t, textEvent(t, { userId: uid(101) }, `link ${code}`));
    expect(textsOf(reused)).toContain('รหัสไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว');
    expect((await officer('นายยังไม่ ผูกบัญชี')).lineUserId).toBe(newUser);
  });

  it('refuses an expired code', async () => {
    const { code } = await createLinkCode(t.container, { orgSlug: 'pt', officerName: 'นายสมชาย ขยัน' });
    t.clock.advance(7 * 86_400_000 + 1000);
    const sent = await deliver(t, textEvent(t, { userId: uid(102) }, `link ${code}`));
    expect(textsOf(sent)).toContain('หมดอายุ');
    expect((await officer('นายสมชาย ขยัน')).lineUserId).not.toBe(uid(102));
  });

  it('rate-limits repeated wrong codes, even when the right one finally comes', async () => {
    const guesser = uid(103);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await deliver(t, textEvent(t, { userId: guesser }, `link AAAA-AAA${i + 2}`));
    const { code } = await createLinkCode(t.container, { orgSlug: 'pt', officerName: 'นางผู้รับรอง ข้อมูล' });
    const sent = await deliver(t, textEvent(t, { userId: guesser }, `link ${code}`));
    expect(textsOf(sent)).toContain('ใส่รหัสผิดหลายครั้งเกินไป');
    expect((await officer('นางผู้รับรอง ข้อมูล')).lineUserId).not.toBe(guesser);
    // After the window the right code works.
    t.clock.advance(16 * 60_000);
    const later = await deliver(t, textEvent(t, { userId: guesser }, `link ${code}`));
    expect(textsOf(later)).toContain('ผูกบัญชีเรียบร้อย');
  });

  it('refuses an unknown officer name when issuing, with a Thai error', async () => {
    await expect(createLinkCode(t.container, { orgSlug: 'pt', officerName: 'ไม่มีคนนี้' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createLinkCode(t.container, { orgSlug: 'nope', officerName: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells an unlinked user how to start, and nothing else', async () => {
    const sent = await deliver(t, textEvent(t, { userId: uid(104) }, 'งานของฉัน'));
    expect(sent).toHaveLength(1);
    expect(textsOf(sent)).toContain('ผูกบัญชี <รหัส>');
  });
});

describe('registering a LINE group', () => {
  it('ignores chatter in an unregistered group but explains how to register when asked for a command', async () => {
    const group = gid(1);
    expect(await deliver(t, textEvent(t, { userId: uid(200), groupId: group }, 'สวัสดีค่ะทุกคน'))).toHaveLength(0);
    const sent = await deliver(t, textEvent(t, { userId: uid(200), groupId: group }, 'ค้าง'));
    expect(textsOf(sent)).toContain('ลงทะเบียน <รหัส>');
  });

  it('registers the group with `ลงทะเบียน <code>`; the code works once and not as an officer code', async () => {
    const group = gid(2);
    const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
    expect(textsOf(await deliver(t, textEvent(t, { userId: uid(201) }, `link ${code}`)))).toContain('รหัสนี้ใช้ในที่นี้ไม่ได้');
    const sent = await deliver(t, textEvent(t, { userId: uid(201), groupId: group }, `ลงทะเบียน ${code}`));
    expect(textsOf(sent)).toContain('ลงทะเบียนกลุ่มนี้กับ Org pt เรียบร้อย');
    const [row] = await t.container.database.db.select().from(lineGroups).where(eq(lineGroups.groupId, group));
    expect(row).toMatchObject({ active: true });
    const again = await deliver(t, textEvent(t, { userId: uid(201), groupId: gid(3) }, `register ${code}`));
    expect(textsOf(again)).toContain('รหัสไม่ถูกต้อง');
    expect((await t.container.database.db.select().from(lineGroups).where(eq(lineGroups.groupId, gid(3)))).length).toBe(0);
  });
});
