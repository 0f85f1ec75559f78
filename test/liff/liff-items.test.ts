import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, componentTicks, evidenceLinks, outbox } from '../../src/db/schema.ts';
import { ADMIN, api, CERTIFIER, OTHER_ORG, PREPARER, startLiff, SUPERVISOR, type LiffContext } from './helpers.ts';

let t: LiffContext;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startLiff();
  for (const u of [PREPARER, SUPERVISOR, CERTIFIER, ADMIN, OTHER_ORG]) tok[u] = t.token(u, 24 * 3600);
});
afterAll(async () => t.close());

const get = (who: string, path: string) => api(t, 'GET', path, tok[who]!);
const send = (who: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => api(t, method, path, tok[who]!, body);
const row = async (id: number) => (await t.container.database.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

describe('my items', () => {
  it('lists the preparer’s own work with due dates, overdue days and component progress', async () => {
    const res = await get(PREPARER, '/items');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.filter).toBe('pending');
    expect(body.items.map((i: any) => i.code)).toEqual(['O1', 'O2', 'O4']);
    const o1 = body.items[0];
    expect(o1).toMatchObject({ id: t.ids[0], code: 'O1', unit: { name: 'กลุ่มงาน ก' }, dueOn: '2025-01-10', overdueDays: 5, status: 'not_started', statusLabel: 'ยังไม่เริ่ม', done: false, myRoles: ['preparer'], components: { ticked: 0 } });
    expect(o1.components.total).toBeGreaterThan(0);
    expect(o1.actions).toEqual(expect.arrayContaining(['start', 'submit', 'mark_not_applicable']));
  });

  it('filters overdue work, and counts every filter in /me', async () => {
    expect((await get(PREPARER, '/items?filter=overdue')).json().items.map((i: any) => i.code)).toEqual(['O1']);
    expect((await get(PREPARER, '/me')).json().counts).toMatchObject({ pending: 3, overdue: 1, review: 0, all: 3, supervised: 0 });
  });

  it('answers the list with /me\'s answer in one request when asked (include=me), and without it otherwise', async () => {
    const both = (await get(PREPARER, '/items?filter=pending&include=me')).json();
    const alone = (await get(PREPARER, '/items?filter=pending')).json();
    expect(both.me).toEqual((await get(PREPARER, '/me')).json());
    expect(both.me.counts).toMatchObject({ pending: 3, overdue: 1 });
    expect({ ...both, me: undefined }).toEqual({ ...alone, me: undefined });
    expect(alone).not.toHaveProperty('me');
    expect((await get(PREPARER, '/items?include=everything')).statusCode).toBe(400);
  });

  it('refuses an unknown filter with a Thai validation message', async () => {
    const res = await get(PREPARER, '/items?filter=everything');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a supervisor’s supervised list covers both units; nothing awaits them yet', async () => {
    const items = (await get(SUPERVISOR, '/items?filter=supervised')).json().items;
    expect(items.map((i: any) => `${i.code}:${i.unit.name}`).sort()).toEqual(['O1:กลุ่มงาน ก', 'O2:กลุ่มงาน ก', 'O3:กลุ่มงาน ข', 'O4:กลุ่มงาน ก']);
    expect(items.every((i: any) => !i.awaitingMe && i.actions.length === 0)).toBe(true);
    expect((await get(SUPERVISOR, '/items')).json().items).toEqual([]);
  });
});

describe('item detail', () => {
  it('shows the catalog item, its components with sub-points, people and an empty history', async () => {
    const d = (await get(PREPARER, `/items/${t.ids[1]}`)).json();
    expect(d).toMatchObject({ code: 'O2', year: 2568, indicator: 9, subIndicator: { code: '9.1' }, group: 'ข้อมูลพื้นฐาน', title: 'ข้อมูลผู้บริหาร', status: 'not_started', version: 1 });
    expect(d.components[1]).toEqual({ index: 1, text: 'แสดงข้อมูลของผู้บริหารแต่ละคน อย่างน้อยประกอบด้วย', subPoints: ['ชื่อ-นามสกุล', 'ตำแหน่ง', 'รูปถ่าย', 'ช่องทางการติดต่อ'], ticked: false });
    expect(d.notes[0]).toMatch(/^\*/);
    expect(d.scoring).toContain('100 คะแนน');
    expect(d.people.map((p: any) => `${p.roleLabel}:${p.name}`)).toEqual(['ผู้จัดทำ:นางสาวผู้จัดทำ ทดสอบ', 'ผู้กำกับติดตาม:นายผู้กำกับ ทดสอบ']);
    expect(d.history).toEqual([]);
    expect(d.can).toEqual({ tick: true, editEvidence: true });
  });

  it('is 404 for another organization’s item, and for ids that cannot exist', async () => {
    for (const path of [`/items/${t.otherIds[0]}`, '/items/2147483648', '/items/0']) {
      const res = await get(PREPARER, path);
      expect([404, 400]).toContain(res.statusCode);
    }
    expect((await get(OTHER_ORG, `/items/${t.ids[0]}`)).statusCode).toBe(404);
  });
});

describe('ticking components', () => {
  it('persists the preparer’s ticks, audited, and shows them in the list', async () => {
    const res = await send(PREPARER, 'PUT', `/items/${t.ids[1]}/components`, { ticked: [1, 0, 1] });
    expect(res.statusCode).toBe(200);
    expect(res.json().item.components.map((c: any) => c.ticked)).toEqual([true, true]);
    expect(res.json().item.history[0]).toMatchObject({ action: 'components.tick', actor: 'นางสาวผู้จัดทำ ทดสอบ', text: 'ติ๊กองค์ประกอบ 2 จาก 2 ข้อ' });
    const entry = (await get(PREPARER, '/items')).json().items.find((i: any) => i.id === t.ids[1]);
    expect(entry.components).toEqual({ ticked: 2, total: 2 });
  });

  it('refuses a component number the item does not have and changes nothing', async () => {
    const res = await send(PREPARER, 'PUT', `/items/${t.ids[1]}/components`, { ticked: [0, 7] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'COMPONENT_INDEX_INVALID' });
    expect(res.json().error.message).toContain('ลำดับที่ 8');
    expect(await t.container.database.db.select().from(componentTicks).where(eq(componentTicks.assignmentId, t.ids[1]!))).toHaveLength(2);
  });

  it('only the preparer ticks: a supervisor, or another organization, cannot', async () => {
    expect((await send(SUPERVISOR, 'PUT', `/items/${t.ids[1]}/components`, { ticked: [] })).statusCode).toBe(403);
    expect((await send(OTHER_ORG, 'PUT', `/items/${t.ids[1]}/components`, { ticked: [] })).statusCode).toBe(404);
  });
});

describe('evidence', () => {
  it('adds a URL, warns when it is outside the organization’s website, labels and removes it', async () => {
    const added = await send(PREPARER, 'POST', `/items/${t.ids[0]}/evidence`, { url: '  https://www.pt.go.th/ita/o1  ', label: 'โครงสร้าง' });
    expect(added.statusCode).toBe(201);
    expect(added.json().warnings).toEqual([]);
    const elsewhere = await send(PREPARER, 'POST', `/items/${t.ids[0]}/evidence`, { url: 'https://drive.example.com/o1.pdf' });
    expect(elsewhere.json().warnings[0]).toMatchObject({ code: 'OUTSIDE_ORG_DOMAINS' });
    expect(elsewhere.json().warnings[0].message).toContain('drive.example.com');
    const ev = elsewhere.json().item.evidence;
    expect(ev.map((e: any) => e.url)).toEqual(['https://www.pt.go.th/ita/o1', 'https://drive.example.com/o1.pdf']);
    expect(ev[1].warning.code).toBe('OUTSIDE_ORG_DOMAINS');

    const relabel = await send(PREPARER, 'PATCH', `/items/${t.ids[0]}/evidence/${ev[1].id}`, { label: 'ไฟล์ PDF' });
    expect(relabel.json().item.evidence[1].label).toBe('ไฟล์ PDF');
    const removed = await send(PREPARER, 'DELETE', `/items/${t.ids[0]}/evidence/${ev[1].id}`);
    expect(removed.json().item.evidence).toHaveLength(1);
    expect(removed.json().item.history.slice(0, 3).map((h: any) => h.action)).toEqual(['evidence.remove', 'evidence.relabel', 'evidence.add']);
  });

  it('refuses a duplicate, a private address, credentials, a space and an over-long URL, changing nothing', async () => {
    const cases: Array<[string, number, string]> = [
      ['https://www.pt.go.th/ita/o1#top', 409, 'URL_DUPLICATE'],
      ['http://169.254.169.254/latest/meta-data', 400, 'URL_NOT_PUBLIC'],
      ['http://0x7f.0.0.1/admin', 400, 'URL_NOT_PUBLIC'],
      ['https://localhost/x', 400, 'URL_NOT_PUBLIC'],
      ['https://user:pw@www.pt.go.th/x', 400, 'URL_INVALID'],
      ['https://www.pt.go.th/a b', 400, 'URL_INVALID'],
      ['ftp://www.pt.go.th/x', 400, 'URL_INVALID'],
      [`https://www.pt.go.th/${'ก'.repeat(300)}`, 400, 'URL_TOO_LONG'],
    ];
    for (const [url, status, c] of cases) {
      const res = await send(PREPARER, 'POST', `/items/${t.ids[0]}/evidence`, { url });
      expect([url, res.statusCode, res.json().error?.code]).toEqual([url, status, c]);
    }
    expect(await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, t.ids[0]!))).toHaveLength(1);
  });

  it('a supervisor cannot add or remove the preparer’s evidence', async () => {
    expect((await send(SUPERVISOR, 'POST', `/items/${t.ids[0]}/evidence`, { url: 'https://www.pt.go.th/x' })).statusCode).toBe(403);
    const [link] = await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, t.ids[0]!));
    expect((await send(SUPERVISOR, 'DELETE', `/items/${t.ids[0]}/evidence/${link!.id}`)).statusCode).toBe(403);
    expect((await send(OTHER_ORG, 'DELETE', `/items/${t.ids[0]}/evidence/${link!.id}`)).statusCode).toBe(404);
  });
});

describe('submitting and reviewing', () => {
  it('submitting with unticked components asks for confirmation first, then tells the reviewers which', async () => {
    const v = (await row(t.ids[0]!)).version;
    const first = await send(PREPARER, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'submit', version: v });
    expect(first.statusCode).toBe(409);
    expect(first.json().error.code).toBe('INCOMPLETE_COMPONENTS');
    expect(first.json().error.details.unticked.length).toBeGreaterThan(0);
    expect((await row(t.ids[0]!)).status).toBe('not_started');

    const ok = await send(PREPARER, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'submit', version: v, confirmIncomplete: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().item).toMatchObject({ status: 'submitted', can: { tick: false, editEvidence: false } });
    expect(ok.json().item.history[0].text).toMatch(/^ส่งตรวจ \(ยังไม่ได้ติ๊กองค์ประกอบ \d+ ข้อ\)$/);
    const cards = await t.container.database.db.select().from(outbox).where(eq(outbox.kind, 'review_request'));
    expect(JSON.stringify(cards.map((c) => c.messages))).toContain('ยังไม่ได้ติ๊กองค์ประกอบ');
  });

  it('once submitted, the preparer can no longer change the evidence', async () => {
    const res = await send(PREPARER, 'POST', `/items/${t.ids[0]}/evidence`, { url: 'https://www.pt.go.th/late' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'ITEM_LOCKED']);
  });

  it('the supervisor sees it awaiting them, and an old version is refused as stale', async () => {
    const waiting = (await get(SUPERVISOR, '/items')).json().items;
    expect(waiting.map((i: any) => [i.code, i.awaitingMe])).toEqual([['O1', true]]);
    const stale = await send(SUPERVISOR, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'return', note: 'x', version: 1 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('returning needs a comment, which the preparer then reads as the last return comment', async () => {
    const v = (await row(t.ids[0]!)).version;
    const noNote = await send(SUPERVISOR, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'return', version: v });
    expect(noNote.json().error.code).toBe('REASON_REQUIRED');
    const back = await send(SUPERVISOR, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'return', note: 'ลิงก์ไม่ครบตามองค์ประกอบ', version: v });
    expect(back.statusCode).toBe(200);
    const d = (await get(PREPARER, `/items/${t.ids[0]}`)).json();
    expect(d).toMatchObject({ status: 'returned', statusNote: 'ลิงก์ไม่ครบตามองค์ประกอบ', lastReturn: { comment: 'ลิงก์ไม่ครบตามองค์ประกอบ', by: 'นายผู้กำกับ ทดสอบ' }, can: { tick: true } });
    expect(d.history[0]).toMatchObject({ action: 'assignment.return', actor: 'นายผู้กำกับ ทดสอบ', note: 'ลิงก์ไม่ครบตามองค์ประกอบ' });
  });

  it('a preparer cannot approve, and an action the item does not allow is refused', async () => {
    const v = (await row(t.ids[0]!)).version;
    expect((await send(PREPARER, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'approve', version: v })).statusCode).toBe(403);
    const bad = await send(PREPARER, 'POST', `/items/${t.ids[0]}/transitions`, { action: 'fly', version: v });
    expect(bad.statusCode).toBe(400);
  });

  it('not applicable needs its reason, and then shows it', async () => {
    const v = (await row(t.ids[2 + 1]!)).version;
    const noReason = await send(PREPARER, 'POST', `/items/${t.ids[3]}/transitions`, { action: 'mark_not_applicable', version: v });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const ok = await send(PREPARER, 'POST', `/items/${t.ids[3]}/transitions`, { action: 'mark_not_applicable', note: 'ไม่มี เนื่องจากไม่มีโครงการในปีนี้', version: v });
    expect(ok.json().item).toMatchObject({ status: 'not_applicable', notApplicableReason: 'ไม่มี เนื่องจากไม่มีโครงการในปีนี้' });
  });
});

describe('organization overview', () => {
  it('is for organization admins: counts per sub-indicator and unit, percent done, the overdue list', async () => {
    const res = await get(ADMIN, '/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.totals).toMatchObject({ total: 4, done: 1, percentDone: 25 });
    expect(o.byUnit.map((u: any) => u.name).sort()).toEqual(['กลุ่มงาน ก', 'กลุ่มงาน ข']);
    expect(o.bySubIndicator[0]).toMatchObject({ code: '9.1', total: 4 });
    expect(o.overdue.map((i: any) => i.code)).toEqual(['O1']);
    expect(o.statusLabels.returned).toBe('ส่งกลับแก้ไข');
  });

  it('is refused to everyone else', async () => {
    for (const who of [PREPARER, SUPERVISOR, OTHER_ORG]) expect((await get(who, '/overview')).statusCode).toBe(403);
  });
});
