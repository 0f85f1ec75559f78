import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appliedEvents, assignments, auditLog, evidenceLinks, lineInbox, officers, snoozes } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { LEASE_MS } from '../../src/modules/line/webhook/inbox.worker.ts';
import { CERTIFIER, deliver, post, postbackEvent, PREPARER, SUPERVISOR, seedPhatthalung, textEvent, textsOf, uid, type BotContext, startBot } from '../line/helpers.ts';

/**
 * Issue 10.3, the effects themselves: a worker that dies after a command's transaction committed
 * but before its answer was stored. The retry runs the event again; every effect is keyed by the
 * webhookEventId in its own transaction (audit.ts, applied_events), so nothing applies twice, and
 * the user hears what was done, not the refusal a second run would get. Another event asking for
 * the same thing is a new command and gets the domain's answer as before.
 */
let t: BotContext;
let s: Awaited<ReturnType<typeof seedPhatthalung>>;
const db = () => t.container.database.db;
const row = async (id: string) => (await db().select().from(lineInbox).where(eq(lineInbox.webhookEventId, id)))[0]!;
const audits = async (action: string, entityId: number) =>
  (await db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))).length;
const messagesSent = () => t.standIn.requests.filter((r) => /message\/(reply|push)$/.test(r.path));

/**
 * Delivers `e` through the signed webhook and lets the worker handle it, while storing an answer
 * fails (a constraint the test adds): the state a kill -9 leaves right after the use case
 * committed, before storeAnswers. Then the lease runs out and the worker retries it for real.
 */
async function crashThenRetry(e: { webhookEventId: string }) {
  await db().execute(sql`alter table line_inbox add constraint crash_before_answer check (answer is null) not valid`);
  try {
    expect((await post(t, JSON.stringify({ destination: 'Ubot', events: [e] }))).statusCode).toBe(200);
    await t.container.lineBot.worker.processPending().catch(() => 0);
  } finally {
    await db().execute(sql`alter table line_inbox drop constraint crash_before_answer`);
  }
  const crashed = await row(e.webhookEventId);
  expect(crashed).toMatchObject({ status: 'pending', answer: null, attempts: 1 });
  expect(messagesSent()).toEqual([]); // the crash came before any answer went
  t.clock.advance(LEASE_MS + 1);
  await t.container.lineBot.worker.processPending();
  expect((await row(e.webhookEventId)).status).toBe('done');
  const sent = messagesSent();
  expect(sent.map((r) => r.path)).toEqual(['/v2/bot/message/reply']); // one answer, not pushed as well
  return textsOf(sent);
}

beforeAll(async () => {
  t = await startBot();
  s = await seedPhatthalung(t);
});
afterAll(() => t.close());
beforeEach(() => t.standIn.reset());

describe('a retried event after its effect committed', () => {
  it('`ลิงก์ O2 <url>`: the evidence is added once and the retry says it was recorded, not "already attached"', async () => {
    const o2 = s.assignmentIds[1]!;
    const said = await crashThenRetry(textEvent(t, { userId: PREPARER }, 'ลิงก์ O2 https://pt.go.th/ita/o2-once'));
    expect(await db().select().from(evidenceLinks).where(and(eq(evidenceLinks.assignmentId, o2), eq(evidenceLinks.url, 'https://pt.go.th/ita/o2-once')))).toHaveLength(1);
    expect(await audits('evidence.add', o2)).toBe(1);
    expect(said).toContain('คำสั่งนี้บันทึกไว้แล้ว: แนบลิงก์หลักฐาน O2');
    expect(said).toContain('https://pt.go.th/ita/o2-once'); // the item's card as it is now
    expect(said).not.toContain('แนบไว้ในรายการนี้แล้ว');
  });

  it('a different event with the same link is a new command: refused by the domain as before', async () => {
    const o2 = s.assignmentIds[1]!;
    const said = textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O2 https://pt.go.th/ita/o2-once')));
    expect(said).toContain('ลิงก์นี้แนบไว้ในรายการนี้แล้ว');
    expect(said).not.toContain('บันทึกไว้แล้ว');
    expect(await audits('evidence.add', o2)).toBe(1);
  });

  it('`ลบลิงก์ O2 1` (no natural idempotency: a second run would delete the next link) removes one link', async () => {
    const o2 = s.assignmentIds[1]!;
    await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O2 https://pt.go.th/ita/o2-second'));
    t.standIn.reset();
    const said = await crashThenRetry(textEvent(t, { userId: PREPARER }, 'ลบลิงก์ O2 1'));
    const left = await db().select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, o2));
    expect(left.map((l) => l.url)).toEqual(['https://pt.go.th/ita/o2-second']);
    expect(await audits('evidence.remove', o2)).toBe(1);
    expect(said).toContain('คำสั่งนี้บันทึกไว้แล้ว: ลบลิงก์หลักฐานของ O2');
  });

  it('`ส่งตรวจ O2`, then "submit anyway" (a postback, components unticked): submitted once, and the retry says so', async () => {
    const o2 = s.assignmentIds[1]!;
    // O2 has components nobody ticked: the typed command asks first (no effect, an ordinary answer).
    const asked = textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, 'ส่งตรวจ O2')));
    expect(asked).toContain('[ส่งตรวจเลย]');
    t.standIn.reset();
    const v = (await db().select().from(assignments).where(eq(assignments.id, o2)))[0]!.version;
    const said = await crashThenRetry(postbackEvent(t, { userId: PREPARER }, `a=submit&id=${o2}&v=${v}&c=1`));
    expect((await db().select().from(assignments).where(eq(assignments.id, o2)))[0]!.status).toBe('submitted');
    expect(await audits('assignment.submit', o2)).toBe(1);
    expect(said).toContain('คำสั่งนี้บันทึกไว้แล้ว: ส่งตรวจ O2');
    expect(said).not.toMatch(/ไม่สามารถ|เพิ่งถูกแก้ไขโดยผู้อื่น/);
  });

  it("a review button (postback): the supervisor's check is applied once, then `รับรอง O3` typed by the certifier once", async () => {
    const o3 = s.assignmentIds[2]!;
    const v = (await db().select().from(assignments).where(eq(assignments.id, o3)))[0]!.version;
    const checked = await crashThenRetry(postbackEvent(t, { userId: SUPERVISOR }, `a=check&id=${o3}&v=${v}`));
    expect(checked).toContain('คำสั่งนี้บันทึกไว้แล้ว: ตรวจ O3');
    t.standIn.reset();
    const approved = await crashThenRetry(textEvent(t, { userId: CERTIFIER }, 'รับรอง O3'));
    expect(approved).toContain('คำสั่งนี้บันทึกไว้แล้ว: รับรอง O3');
    expect((await db().select().from(assignments).where(eq(assignments.id, o3)))[0]!.status).toBe('approved');
    expect([await audits('assignment.check', o3), await audits('assignment.approve', o3)]).toEqual([1, 1]);
  });

  it('the snooze button (postback): one snooze, audited once', async () => {
    const o1 = s.assignmentIds[0]!;
    const said = await crashThenRetry(postbackEvent(t, { userId: PREPARER }, `a=snooze&id=${o1}&d=3`));
    expect(await db().select().from(snoozes).where(eq(snoozes.assignmentId, o1))).toHaveLength(1);
    expect(await audits('snooze.set', o1)).toBe(1);
    expect(said).toContain('คำสั่งนี้บันทึกไว้แล้ว: เลื่อนการเตือน O1');
  });

  it('`ผูกบัญชี <code>`: linked once, and the retry gets the same welcome, not "code already used"', async () => {
    const { code } = await t.container.lineBot.linking.issueOfficerCode(cliActor(s.org.id), 'นายยังไม่ ผูกบัญชี');
    const user = uid(77);
    const e = textEvent(t, { userId: user }, `ผูกบัญชี ${code}`);
    const said = await crashThenRetry(e);
    expect(said).toContain('ผูกบัญชีเรียบร้อย: นายยังไม่ ผูกบัญชี');
    expect(await db().select().from(officers).where(eq(officers.lineUserId, user))).toHaveLength(1);
    const officerId = s.officerIds.get('นายยังไม่ ผูกบัญชี')!;
    expect(await audits('line.link', officerId)).toBe(1);
    // The code was redacted from the stored event once handled (issue 10.9), retry or not.
    expect(JSON.stringify((await row(e.webhookEventId)).event)).not.toContain(code);
  });
});

describe('the key is in the effect’s own transaction', () => {
  it('the same event id applying a second, different effect through a use case is rolled back (EVENT_ALREADY_APPLIED)', async () => {
    const o12 = s.assignmentIds[4]!;
    const actor = { kind: 'officer' as const, orgId: s.org.id, officerId: s.officerIds.get('นางสาวสมศรี ใจดี')!, isAdmin: false, eventId: 'Etest-same-event' };
    await t.container.assignments.addEvidence(actor, o12, { url: 'https://pt.go.th/ita/o12-a' });
    await expect(t.container.assignments.addEvidence(actor, o12, { url: 'https://pt.go.th/ita/o12-b' })).rejects.toMatchObject({ code: 'EVENT_ALREADY_APPLIED' });
    expect((await db().select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, o12))).map((l) => l.url)).toEqual(['https://pt.go.th/ita/o12-a']);
    // Without an event (LIFF, admin API, CLI) nothing is keyed: the same actor adds the second link.
    const { eventId: _, ...plain } = actor;
    await t.container.assignments.addEvidence(plain, o12, { url: 'https://pt.go.th/ita/o12-b' });
    expect(await db().select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, o12))).toHaveLength(2);
  });

  it('the markers go with the inbox retention (INBOX_RETENTION_DAYS)', async () => {
    expect((await db().select().from(appliedEvents)).length).toBeGreaterThan(0);
    t.clock.advance(31 * 86_400_000);
    await t.container.lineBot.worker.purge();
    expect(await db().select().from(appliedEvents)).toEqual([]);
  });
});
