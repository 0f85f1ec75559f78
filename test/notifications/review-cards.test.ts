import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { officers, outbox } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { seedOrg } from '../helpers/seed.ts';
import { actionsOf, deliver, postbackEvent, startBot, textsOf, uid, type BotContext } from '../line/helpers.ts';

const PREPARER = uid(0x11);
const SUPERVISOR = uid(0x12);
const CERTIFIER = uid(0x13);
const UNREACHABLE = uid(0x14);
const INACTIVE = uid(0x15);
const ADMIN_REVIEWER = uid(0x16);

const REVIEWERS: Array<[string, 'supervisor' | 'certifier']> = [
  ['นายวิชัย คุมงาน', 'supervisor'],
  ['นางสุดา รับรอง', 'certifier'],
  ['นายบล็อก บอท', 'supervisor'],
  ['นายไม่มี ไลน์', 'supervisor'],
  ['นางลาออก แล้ว', 'certifier'],
];

describe('review cards: the reviewer whose step it is gets a card at once', () => {
  let t: BotContext;
  let orgId: number;
  let ids: number[];
  let who: Map<string, number>;
  const officer = (name: string, isAdmin = false): Actor => ({ kind: 'officer', orgId, officerId: who.get(name)!, isAdmin });
  const preparer = () => officer('นายสมชาย ใจดี');
  const requests = async (assignmentId: number) =>
    (await t.container.database.db.select().from(outbox).where(eq(outbox.kind, 'review_request')).orderBy(outbox.id))
      .filter((r) => r.dedupeKey.startsWith(`review_request:${orgId}:`) && r.dedupeKey.includes(`:${assignmentId}:v`));
  const drain = () => t.container.reminders.drain(() => t.clock.now());
  const pushes = () => t.standIn.delivered().filter((r) => r.path.endsWith('/message/push'));
  const addEvidence = (id: number) => t.container.assignments.addEvidence(preparer(), id, { url: `https://rv.go.th/ita/${id}.pdf` });

  beforeAll(async () => {
    t = await startBot(); // Wednesday 15 January 2025, 10:00 in Bangkok
    const seeded = await seedOrg(t.container, {
      slug: 'rv',
      units: ['กองแผน'],
      officers: [
        { name: 'นายสมชาย ใจดี', unit: 'กองแผน', lineUserId: PREPARER },
        { name: 'นายวิชัย คุมงาน', lineUserId: SUPERVISOR },
        { name: 'นางสุดา รับรอง', lineUserId: CERTIFIER },
        { name: 'นายบล็อก บอท', lineUserId: UNREACHABLE },
        { name: 'นายไม่มี ไลน์' },
        { name: 'นางลาออก แล้ว', lineUserId: INACTIVE },
        { name: 'นายอนันต์ แอดมิน', lineUserId: ADMIN_REVIEWER, isAdmin: true },
      ],
      assignments: [1, 2, 3, 5, 7].map((n) => ({ item: n, unit: 'กองแผน', due: '2025-01-31', people: [['นายสมชาย ใจดี', 'preparer'] as [string, 'preparer'], ...REVIEWERS] })).concat([
        { item: 6, unit: 'กองแผน', due: '2025-01-31', people: [['นายสมชาย ใจดี', 'preparer'], ['นายวิชัย คุมงาน', 'supervisor'], ['นายอนันต์ แอดมิน', 'certifier']] },
      ]),
    });
    orgId = seeded.org.id;
    ids = seeded.assignmentIds;
    who = seeded.officerIds;
    const db = t.container.database.db;
    await db.update(officers).set({ reachable: false }).where(eq(officers.lineUserId, UNREACHABLE));
    await db.update(officers).set({ active: false }).where(eq(officers.lineUserId, INACTIVE));
  });
  beforeEach(() => t.standIn.reset());
  afterAll(() => t.close());

  it('a submit writes one outbox row per reachable, linked, active supervisor (the check is theirs), in the submit itself', async () => {
    const id = ids[0]!;
    await addEvidence(id);
    const after = await t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true });
    const rows = await requests(id);
    expect(rows.map((r) => r.recipient)).toEqual([SUPERVISOR]);
    for (const r of rows) {
      expect(r.dedupeKey).toBe(`review_request:${orgId}:${r.recipient}:${id}:v${after.version}`);
      expect(r.status).toBe('pending');
      expect(r.localDate).toBe('2025-01-15');
      expect(r.nextAttemptAt.getTime()).toBe(t.clock.now().getTime()); // inside the window: at once
    }
  });

  it('never asks the submitter to certify, even when they are the item’s certifier', async () => {
    const id = ids[5]!; // the admin certifies it and submits it himself
    await addEvidence(id);
    await t.container.assignments.transition(officer('นายอนันต์ แอดมิน', true), id, 'submit', { confirmIncomplete: true });
    expect((await requests(id)).map((r) => r.recipient)).toEqual([SUPERVISOR]);
    await t.container.assignments.transition(officer('นายวิชัย คุมงาน'), id, 'check');
    expect((await requests(id)).map((r) => r.recipient)).toEqual([SUPERVISOR]); // no certification card for the submitter
  });

  it('the supervisor checks from the card in the chat, then the certifier gets hers and certifies from it', async () => {
    const id = ids[0]!;
    const detail = await t.container.assignments.detail(preparer(), id);
    const v = detail.assignment.version;
    expect((await drain()).sent).toBeGreaterThanOrEqual(1);
    const about = (r: { body: unknown }) => JSON.stringify(r.body).includes(`id=${id}&`);
    const toSupervisor = pushes().filter((r) => r.body.to === SUPERVISOR && about(r));
    expect(toSupervisor).toHaveLength(1);
    const text = textsOf(toSupervisor);
    expect(text).toContain(`${detail.assignment.itemCode} `);
    expect(text).toContain(`· กองแผน ส่งตรวจแล้ว โดย นายสมชาย ใจดี`);
    expect(text).toContain('หลักฐาน 1 ลิงก์');
    const actions = actionsOf(toSupervisor);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'postback', label: 'ตรวจแล้ว', data: `a=check&id=${id}&v=${v}` }));
    expect(actions).toContainEqual(expect.objectContaining({ type: 'postback', label: 'ส่งกลับแก้ไข', data: `a=ret&id=${id}&v=${v}` }));
    expect((await requests(id)).every((r) => r.status === 'sent')).toBe(true);

    const check = actions.find((a) => a.data?.startsWith('a=check'))!.data!;
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, check)))).toContain(`ตรวจ ${detail.assignment.itemCode} แล้ว ส่งต่อให้ผู้รับรองข้อมูลรับรอง`);
    expect((await t.container.assignments.detail(preparer(), id)).assignment.status).toBe('checked');
    const forCertifier = (await requests(id)).filter((r) => r.recipient === CERTIFIER);
    expect(forCertifier).toHaveLength(1);
    t.standIn.reset();
    await drain();
    const toCertifier = pushes().filter((r) => r.body.to === CERTIFIER && about(r));
    expect(textsOf(toCertifier)).toContain('ตรวจแล้ว โดย นายวิชัย คุมงาน รอคุณรับรอง');
    const approve = actionsOf(toCertifier).find((a) => a.data?.startsWith('a=approve'))!;
    expect(approve.label).toBe('รับรอง');
    expect(textsOf(await deliver(t, postbackEvent(t, { userId: CERTIFIER }, approve.data!)))).toContain(`รับรอง ${detail.assignment.itemCode} แล้ว รายการนี้เสร็จสมบูรณ์`);
    expect((await t.container.assignments.detail(preparer(), id)).assignment.status).toBe('approved');
  });

  it('refuses a stale card: its version no longer matches after someone else decided', async () => {
    const id = ids[1]!;
    await addEvidence(id);
    const submitted = await t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true });
    await t.container.assignments.transition(officer('นายวิชัย คุมงาน'), id, 'return', { note: 'แก้ชื่อไฟล์', version: submitted.version });
    const replies = await deliver(t, postbackEvent(t, { userId: SUPERVISOR }, `a=check&id=${id}&v=${submitted.version}`));
    expect(textsOf(replies)).toMatch(/ถูกส่งกลับให้แก้ไขแล้วโดย นายวิชัย คุมงาน \(.+\): แก้ชื่อไฟล์/);
    expect((await t.container.assignments.detail(preparer(), id)).assignment.status).toBe('returned');
  });

  it('a resubmit after a return asks again; a retry of the same submit cannot', async () => {
    const id = ids[1]!; // returned by the previous test
    const before = (await requests(id)).length;
    const again = await t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true });
    const rows = await requests(id);
    expect(rows).toHaveLength(before + 1);
    expect(rows.filter((r) => r.dedupeKey.endsWith(`:v${again.version}`)).map((r) => r.recipient)).toEqual([SUPERVISOR]);
    await expect(t.container.assignments.transition(preparer(), id, 'submit', { version: again.version - 1, confirmIncomplete: true })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await requests(id)).toHaveLength(before + 1);
  });

  it('a submit that fails (no evidence) writes no request', async () => {
    const id = ids[2]!;
    await expect(t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true })).rejects.toMatchObject({ code: 'EVIDENCE_REQUIRED' });
    expect(await requests(id)).toHaveLength(0);
    expect((await t.container.assignments.detail(preparer(), id)).assignment.status).toBe('not_started');
  });

  it('a submit at 21:00 on Friday waits for 08:30 on Monday, and survives the weekend', async () => {
    const id = ids[3]!;
    await addEvidence(id);
    t.clock.set('2025-01-17T14:00:00Z'); // Friday 21:00 in Bangkok
    await t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true });
    const rows = await requests(id);
    expect(rows).toHaveLength(1);
    for (const r of rows) {
      expect(r.nextAttemptAt.toISOString()).toBe('2025-01-20T01:30:00.000Z'); // Monday 08:30 in Bangkok
      expect(r.localDate).toBe('2025-01-20');
    }
    // Earlier tests' unsent rows of Wednesday expire now (and the admin is told): only this item's rows matter here.
    const waiting = async () => (await requests(id)).every((r) => r.status === 'pending');
    await drain();
    expect(await waiting()).toBe(true);
    t.clock.set('2025-01-18T03:00:00Z'); // Saturday: not sent, not expired either
    await drain();
    expect(await waiting()).toBe(true);
    t.clock.set('2025-01-20T01:29:00Z');
    await drain();
    expect(await waiting()).toBe(true);
    t.standIn.reset();
    t.clock.set('2025-01-20T01:30:00Z');
    expect((await drain()).sent).toBe(1);
    expect(new Set(pushes().map((p) => p.body.to))).toEqual(new Set([SUPERVISOR]));
  });

  it("follows the organization's own send window", async () => {
    const id = ids[4]!;
    await addEvidence(id);
    await t.container.reminders.setPolicy({ kind: 'admin', orgId, ref: 'test' }, null, { window: { start: '07:00', end: '15:00' } });
    t.clock.set('2025-01-20T08:30:00Z'); // Monday 15:30: inside the default window, after this organization's
    await t.container.assignments.transition(preparer(), id, 'submit', { confirmIncomplete: true });
    const rows = await requests(id);
    expect(rows.map((r) => r.nextAttemptAt.toISOString())).toEqual(['2025-01-21T00:00:00.000Z']); // Tuesday 07:00
  });
});
