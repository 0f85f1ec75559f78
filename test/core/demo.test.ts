import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { loadDemo } from '../../src/modules/demo/demo.usecases.ts';
import { LINE_USER_ID } from '../../src/modules/import/import.values.ts';
import { forgetSimulatedIds } from '../../src/modules/line/linking/simulated-ids.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ now: '2025-02-10T02:00:00Z' });
});
afterAll(() => t.close());

const api = (url: string, payload?: object) =>
  t.app.inject({ method: payload ? 'POST' : 'GET', url: `/dev/simulator/api/${url}`, ...(payload ? { payload } : {}) });

describe('demo data for a fresh machine', () => {
  it('the simulator loads an invented agency whose officers can use the bot at once', async () => {
    const r = (await api('demo', {})).json();
    expect(r).toMatchObject({ orgSlug: 'demo', created: true, assignments: 28 });
    const org = (await api('directory')).json().orgs.find((o: { slug: string }) => o.slug === 'demo');
    expect(org.officers.filter((o: { isAdmin: boolean }) => o.isAdmin)).toHaveLength(1);
    const preparer = org.officers.find((o: { name: string }) => o.name === 'นางสาวกมลวรรณ ตัวอย่าง');
    const { lineUserId } = (await api('act-as', { orgId: org.id, officerId: preparer.id })).json();
    const res = (await api('send', { userId: lineUserId, event: { type: 'text', text: 'งานของฉัน' } })).json();
    expect(JSON.stringify(res.messages)).toContain('O1');
  });

  it('mixes statuses through the real workflow, with due dates around today', async () => {
    const org = (await t.container.orgRepo.bySlug('demo'))!;
    const rows = await t.container.assignments.list(cliActor(org.id), {});
    const statuses = new Set(rows.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['approved', 'checked', 'in_progress', 'not_started', 'submitted']);
    expect(rows.some((a) => a.dueOn! < '2025-02-10')).toBe(true);
    expect(rows.some((a) => a.dueOn! > '2025-02-10')).toBe(true);
  });

  it('loading it again changes nothing', async () => {
    expect(await loadDemo(t.container)).toMatchObject({ created: false });
  });

  it('gives demo officers LINE ids no real person can have, forgotten when the service starts with LINE credentials', async () => {
    const org = (await t.container.orgRepo.bySlug('demo'))!;
    const ids = (await t.container.orgRepo.officers(org.id)).map((o) => o.lineUserId);
    expect(ids).toHaveLength(9);
    for (const id of ids) {
      expect(id).toMatch(/^Usim[0-9a-f]{32}$/);
      expect(id).not.toMatch(LINE_USER_ID);
    }
    const at = new Date('2025-02-10T02:00:00Z');
    expect((await t.container.reminders.planReminders(at, { dryRun: true })).planned).toBeGreaterThan(0);
    // What prepareDatabase does online (container.ts): nothing is planned for them afterwards.
    expect(await forgetSimulatedIds({ db: t.container.database.db, repo: t.container.lineBot.linkingRepo, audit: t.container.audit })).toBe(9);
    expect((await t.container.orgRepo.officers(org.id)).every((o) => o.lineUserId === null)).toBe(true);
    expect((await t.container.reminders.planReminders(at, { dryRun: true })).planned).toBe(0);
  });
});
