import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, lineGroups, lineLinkAttempts, officers, organizations } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { createGroupCode, createLinkCode, unlinkOfficer } from '../../src/modules/line/linking/linking.cli.ts';
import { MAX_FAILED_ATTEMPTS } from '../../src/modules/line/linking/linking.usecases.ts';
import { deliver, gid, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

let t: BotContext;
const officer = async (name: string, slug = 'pt') =>
  (await t.container.database.db.select({ o: officers }).from(officers).innerJoin(organizations, eq(organizations.id, officers.orgId)).where(and(eq(officers.name, name), eq(organizations.slug, slug))))[0]!.o;

const failures = async (source: string) => (await t.container.database.db.select().from(lineLinkAttempts).where(eq(lineLinkAttempts.sourceId, source))).length;
/** Delivers an event whose answer fails once with LINE 500, then lets the inbox retry it. */
async function deliverWithFailedAnswer(e: object) {
  t.standIn.failNext(1, { status: 500 });
  await deliver(t, e);
  const before = t.standIn.requests.length;
  t.clock.advance(60_000);
  await t.container.lineBot.worker.processPending();
  return t.standIn.requests.slice(before).filter((r) => /message\/(reply|push)$/.test(r.path));
}

beforeAll(async () => {
  t = await startBot();
  await seedPhatthalung(t);
  await seedPhatthalung(t, 'nk'); // a second organization, nobody linked
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

describe('retried link events (the first answer failed to send)', () => {
  it('a retried `ผูกบัญชี` gets the same success again, with no failed attempt counted', async () => {
    const { code } = await createLinkCode(t.container, { orgSlug: 'nk', officerName: 'นายสมชาย ขยัน' });
    const user = uid(110);
    const retried = await deliverWithFailedAnswer(textEvent(t, { userId: user }, `ผูกบัญชี ${code}`));
    expect(textsOf(retried)).toContain('ผูกบัญชีเรียบร้อย: นายสมชาย ขยัน (Org nk)');
    expect(await failures(user)).toBe(0);
    // Typed again by hand later: still the same answer while the link stands.
    expect(textsOf(await deliver(t, textEvent(t, { userId: user }, `link ${code}`)))).toContain('ผูกบัญชีเรียบร้อย');
    expect(await failures(user)).toBe(0);
  });

  it('a retried `ลงทะเบียน` gets the same success again, with no failed attempt counted', async () => {
    const { code } = await createGroupCode(t.container, { orgSlug: 'nk' });
    const group = gid(20);
    const retried = await deliverWithFailedAnswer(textEvent(t, { userId: uid(210), groupId: group }, `ลงทะเบียน ${code}`));
    expect(textsOf(retried)).toContain('ลงทะเบียนกลุ่มนี้กับ Org nk เรียบร้อย');
    expect(await failures(group)).toBe(0);
    expect(await failures(uid(210))).toBe(0);
  });

  it('a used code replayed after an admin unlinked the officer is refused', async () => {
    const { code } = await createLinkCode(t.container, { orgSlug: 'nk', officerName: 'นางผู้รับรอง ข้อมูล' });
    const user = uid(111);
    await deliver(t, textEvent(t, { userId: user }, `link ${code}`));
    await unlinkOfficer(t.container, { orgSlug: 'nk', officerName: 'นางผู้รับรอง ข้อมูล' });
    expect(textsOf(await deliver(t, textEvent(t, { userId: user }, `link ${code}`)))).toContain('รหัสไม่ถูกต้อง');
    expect((await t.container.database.db.select().from(officers).where(eq(officers.lineUserId, user))).length).toBe(0);
  });
});

describe('one LINE account, one organization', () => {
  it('refuses a code of another organization, naming the one the account is linked to; the code stays usable', async () => {
    // PREPARER is linked in "pt"; a code for an officer of "nk" is refused.
    const { code } = await createLinkCode(t.container, { orgSlug: 'nk', officerName: 'นายผู้กำกับ ติดตาม' });
    const sent = await deliver(t, textEvent(t, { userId: PREPARER }, `ผูกบัญชี ${code}`));
    expect(textsOf(sent)).toContain('บัญชี LINE นี้ผูกกับเจ้าหน้าที่ของ Org pt อยู่แล้ว');
    expect(textsOf(sent)).toContain('ยกเลิกการผูกบัญชี');
    expect((await t.container.database.db.select().from(officers).where(eq(officers.lineUserId, PREPARER))).map((o) => o.orgId)).toHaveLength(1);
    expect(await failures(PREPARER)).toBe(0);
    // Once the "pt" admin unlinks them (audited), the same code links them to "nk".
    const r = await unlinkOfficer(t.container, { orgSlug: 'pt', officerName: 'นางสาวสมศรี ใจดี' });
    expect(r).toEqual({ officerName: 'นางสาวสมศรี ใจดี', orgName: 'Org pt', wasLinked: true });
    const pt = await officer('นางสาวสมศรี ใจดี');
    expect(pt.lineUserId).toBeNull();
    const audit = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'line.unlink'));
    expect(audit.some((a) => a.entityId === String(pt.id) && a.actor === 'cli')).toBe(true);
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, `ผูกบัญชี ${code}`)))).toContain('ผูกบัญชีเรียบร้อย: นายผู้กำกับ ติดตาม (Org nk)');
  });

  it('linking the same officer again (a new code) is fine', async () => {
    const name = 'นายยังไม่ ผูกบัญชี';
    const before = (await officer(name)).lineUserId!;
    const { code } = await createLinkCode(t.container, { orgSlug: 'pt', officerName: name });
    expect(textsOf(await deliver(t, textEvent(t, { userId: before }, `ผูกบัญชี ${code}`)))).toContain(`ผูกบัญชีเรียบร้อย: ${name}`);
    expect((await officer(name)).lineUserId).toBe(before);
  });

  it('unlinking is idempotent and refuses an unknown officer', async () => {
    expect((await unlinkOfficer(t.container, { orgSlug: 'pt', officerName: 'นางสาวสมศรี ใจดี' })).wasLinked).toBe(false);
    await expect(unlinkOfficer(t.container, { orgSlug: 'pt', officerName: 'ไม่มีคนนี้' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('who may issue link codes', () => {
  it('only an organization admin issues codes, for their own organization', async () => {
    const pt = await officer('นายสมชาย ขยัน');
    const officerActor = { kind: 'officer' as const, orgId: pt.orgId, officerId: pt.id, isAdmin: false };
    await expect(t.container.lineBot.linking.issueGroupCode(officerActor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.lineBot.linking.issueOfficerCode(officerActor, 'นายสมชาย ขยัน')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.lineBot.linking.unlinkOfficer(officerActor, 'นายสมชาย ขยัน')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { code } = await t.container.lineBot.linking.issueGroupCode(cliActor(pt.orgId), 1 / 24);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});
