import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { seedOrg } from '../helpers/seed.ts';
import { actionsOf, deliver, postbackEvent, startBot, textsOf, uid, type BotContext } from '../line/helpers.ts';

const PREPARER = uid(0x21);
const SUPERVISOR = uid(0x22);
const CERTIFIER = uid(0x23);
const PREP = 'นางสาวจัดทำ ข้อมูลดี';
const SUP = 'นายตรวจ ละเอียด';
const CERT = 'นางรับรอง ครบถ้วน';

describe('the preparer is told, through the outbox, in the change’s own transaction', () => {
  let t: BotContext;
  let ids: number[];
  let orgId: number;
  let who: Map<string, number>;
  const as = (name: string): Actor => ({ kind: 'officer', orgId, officerId: who.get(name)!, isAdmin: false });
  const notices = async (id: number) =>
    t.container.database.db.select().from(outbox).where(and(eq(outbox.kind, 'notice'), like(outbox.dedupeKey, `notice:${orgId}:%:${id}:v%`))).orderBy(outbox.id);
  const drain = () => t.container.reminders.drain(() => t.clock.now());
  const pushesTo = (to: string) => t.standIn.delivered().filter((r) => r.path.endsWith('/message/push') && r.body.to === to);
  const submit = async (id: number) => {
    await t.container.assignments.addEvidence(as(PREP), id, { url: `https://pn.go.th/ita/${id}` });
    return t.container.assignments.transition(as(PREP), id, 'submit', { confirmIncomplete: true });
  };

  beforeAll(async () => {
    t = await startBot(); // Wednesday 15 January 2025, 10:00 in Bangkok
    const s = await seedOrg(t.container, {
      slug: 'pn',
      units: ['กองคลัง'],
      officers: [{ name: PREP, lineUserId: PREPARER }, { name: SUP, lineUserId: SUPERVISOR }, { name: CERT, lineUserId: CERTIFIER }],
      assignments: [1, 2, 3].map((item) => ({ item, unit: 'กองคลัง', due: '2025-01-31', people: [[PREP, 'preparer'], [SUP, 'supervisor'], [CERT, 'certifier']] as Array<[string, 'preparer' | 'supervisor' | 'certifier']> })),
    });
    ({ assignmentIds: ids, officerIds: who } = s);
    orgId = s.org.id;
  });
  beforeEach(() => t.standIn.reset());
  afterAll(() => t.close());

  it('a return tells the preparer the reason, with a button to the item; a return refused writes nothing', async () => {
    const id = ids[0]!;
    await submit(id);
    await expect(t.container.assignments.transition(as(SUP), id, 'return', { note: '' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(await notices(id)).toHaveLength(0);
    await t.container.assignments.transition(as(SUP), id, 'return', { note: 'ลิงก์ไม่ตรงกับข้อ' });
    const rows = await notices(id);
    expect(rows.map((r) => r.recipient)).toEqual([PREPARER]); // not the supervisor who returned it
    await drain();
    const sent = pushesTo(PREPARER);
    const text = textsOf(sent);
    expect(text).toContain(`ถูกส่งกลับให้แก้ไข โดย ${SUP}\nเหตุผล: ลิงก์ไม่ตรงกับข้อ`);
    expect(actionsOf(sent)).toContainEqual(expect.objectContaining({ type: 'uri', uri: `https://liff.line.me/2000000000-abcdEFGH/items/${id}` }));
    expect(actionsOf(sent)).toContainEqual(expect.objectContaining({ type: 'postback', data: `a=detail&id=${id}` }));
  });

  it('the next reminder for a returned item repeats the reason', async () => {
    const plan = await t.container.reminders.planReminders(new Date('2025-01-17T02:00:00Z'), { dryRun: true }); // 14 days before, 09:00
    const mine = (plan.preview ?? []).filter((p) => p.recipient === PREPARER).map((p) => p.text).join('\n');
    expect(mine).toContain('ส่งกลับแก้ไข: ลิงก์ไม่ตรงกับข้อ');
  });

  it('the check and the final certification are told too, each once', async () => {
    const id = ids[1]!;
    await submit(id);
    await t.container.assignments.transition(as(SUP), id, 'check');
    await t.container.assignments.transition(as(CERT), id, 'approve');
    expect((await notices(id)).map((r) => r.recipient)).toEqual([PREPARER, PREPARER]);
    await drain();
    const text = textsOf(pushesTo(PREPARER));
    expect(text).toContain(`ผ่านการตรวจแล้ว โดย ${SUP} รอผู้รับรองข้อมูล`);
    expect(text).toContain(`ได้รับการรับรองแล้ว โดย ${CERT}`);
    expect(await drain()).toMatchObject({ sent: 0 });
  });

  it('a notice outside the send window waits for the next window', async () => {
    const id = ids[2]!;
    await submit(id);
    t.clock.set('2025-01-15T13:00:00Z'); // Wednesday 20:00 in Bangkok
    await t.container.assignments.transition(as(SUP), id, 'return', { note: 'แก้ไขวันที่' });
    const [row] = await notices(id);
    expect(row!.nextAttemptAt.toISOString()).toBe('2025-01-16T01:30:00.000Z'); // Thursday 08:30
    expect(row!.localDate).toBe('2025-01-16');
  });
});

describe('one-step review: the first reviewer decides, and the other’s stale card says so', () => {
  it('the certifier pressing her card after the supervisor’s check is told who certified it, not that she did', async () => {
    const t = await startBot();
    try {
      const s = await seedOrg(t.container, {
        slug: 'one',
        units: ['กองแผน'],
        officers: [{ name: PREP, lineUserId: PREPARER }, { name: SUP, lineUserId: SUPERVISOR }, { name: CERT, lineUserId: CERTIFIER }],
        assignments: [{ item: 17, unit: 'กองแผน', people: [[PREP, 'preparer'], [SUP, 'supervisor'], [CERT, 'certifier']] }],
      });
      const orgId = s.org.id;
      const as = (name: string): Actor => ({ kind: 'officer', orgId, officerId: s.officerIds.get(name)!, isAdmin: false });
      await t.container.orgs.setReviewSteps({ kind: 'admin', orgId, ref: 'test' }, 1);
      const id = s.assignmentIds[0]!;
      await t.container.assignments.addEvidence(as(PREP), id, { url: 'https://one.go.th/ita/o17' });
      const submitted = await t.container.assignments.transition(as(PREP), id, 'submit', { confirmIncomplete: true });
      await t.container.reminders.drain(() => t.clock.now());
      const card = t.standIn.delivered().filter((r) => r.body.to === CERTIFIER);
      const approve = actionsOf(card).find((a) => a.data === `a=approve&id=${id}&v=${submitted.version}`);
      expect(approve).toBeDefined(); // both reviewers got a card: either may decide
      expect(textsOf(await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=check&id=${id}&v=${submitted.version}`)))).toContain('ตรวจ O17 แล้ว รายการนี้เสร็จสมบูรณ์');
      const stale = textsOf(await deliver(t, postbackEvent(t, { userId: CERTIFIER }, approve!.data!)));
      expect(stale).toMatch(new RegExp(`O17 ได้รับการรับรองแล้วโดย ${SUP} \\(.+\\)`));
      expect(stale).not.toContain('รับรอง O17 แล้ว');
    } finally {
      await t.close();
    }
  });
});
