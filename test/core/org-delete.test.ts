import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { loadDemo } from '../../src/modules/demo/demo.usecases.ts';
import { createOrgDeletionRepository } from '../../src/modules/org/org-delete.repository.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
const repo = () => createOrgDeletionRepository(t.container.database.db);
const orgId = async (slug: string) => (await t.container.orgs.bySlug(slug)).id;

beforeAll(async () => {
  t = await createTestContext({ now: '2025-02-10T02:00:00Z' });
  await loadDemo(t.container);
  await seedOrg(t.container, {
    slug: 'real',
    units: ['กลุ่มงานยุทธศาสตร์'],
    officers: [{ name: 'นางสาวจริง ใจดี', unit: 'กลุ่มงานยุทธศาสตร์', lineUserId: `U${'a'.repeat(32)}` }],
    assignments: [{ item: 1, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-01', people: [['นางสาวจริง ใจดี', 'preparer']] }],
  });
});
afterAll(() => t.close());

describe('org delete', () => {
  it('removes the demo organization and every row of it in every table, leaves the others, and audits the deletion', async () => {
    const demo = await orgId('demo');
    const other = await repo().counts(await orgId('real'));
    const before = await t.container.orgDeletion.preview(cliActor(demo));
    expect(before.history).toEqual({ linkedOfficers: 0, actions: 0 }); // demo people have simulated ids
    expect(before.rows).toMatchObject({ officers: expect.any(Number), assignments: 28, audit_log: expect.any(Number) });

    const r = await t.container.orgDeletion.delete(cliActor(demo));
    expect(r.rows).toEqual(before.rows);
    expect(await repo().counts(demo)).toEqual({});
    expect(await t.container.database.db.select().from(organizations).where(eq(organizations.id, demo))).toEqual([]);
    expect(await repo().counts(await orgId('real'))).toEqual(other);
    const [entry] = await t.container.database.db.select().from(auditLog).where(and(isNull(auditLog.orgId), eq(auditLog.action, 'org.delete')));
    expect(entry).toMatchObject({ actor: 'cli', entity: 'organization', entityId: String(demo) });
    expect(entry!.before).toMatchObject({ slug: 'demo', forced: false, rows: { assignments: 28 } });
    // The demo can be loaded again afterwards.
    expect((await loadDemo(t.container)).created).toBe(true);
  });

  it('every table with an org_id is covered', () => {
    expect(repo().tables()).toEqual(expect.arrayContaining(['officers', 'units', 'assignments', 'assignment_people', 'evidence_links', 'audit_log', 'outbox', 'line_link_codes', 'cycles']));
    // Children before parents.
    const order = repo().tables();
    expect(order.indexOf('assignment_people')).toBeLessThan(order.indexOf('officers'));
    expect(order.indexOf('officers')).toBeLessThan(order.indexOf('units'));
  });

  it('refuses an organization with real history and changes nothing, unless forced', async () => {
    const id = await orgId('real');
    const rows = await repo().counts(id);
    await expect(t.container.orgDeletion.delete(cliActor(id))).rejects.toMatchObject({ code: 'ORG_HAS_HISTORY', params: { slug: 'real', linkedOfficers: 1 } });
    expect(await repo().counts(id)).toEqual(rows);
    await t.container.orgDeletion.delete(cliActor(id), { force: true });
    expect(await repo().counts(id)).toEqual({});
  });

  it('an admin token or an admin officer may not delete an organization', async () => {
    const id = await orgId('demo');
    await expect(t.container.orgDeletion.delete({ kind: 'admin', orgId: id, ref: 'token:1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.orgDeletion.delete({ kind: 'officer', orgId: id, officerId: 1, isAdmin: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.orgDeletion.delete({ ...cliActor(id), orgId: id + 1000 } as never)).rejects.toBeTruthy();
  });
});

describe('org delete in the CLI', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const dataDir = mkdtempSync(join(tmpdir(), 'ita-orgdel-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [join(root, 'src/cli.ts'), ...args], {
        cwd: root,
        env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', DATA_DIR: dataDir, DATABASE_URL: '', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', LOG_LEVEL: 'silent' },
      }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }));
      child.stdin!.end(input ?? '');
    });

  it('asks for the slug typed back, and deletes only when it matches', async () => {
    await cli(['demo']);
    const wrong = await cli(['org', 'delete', 'demo'], 'dem\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('จะลบหน่วยงาน demo');
    expect(wrong.stderr).toContain('ไม่ได้ลบ: ข้อความที่พิมพ์ไม่ตรงกับรหัสหน่วยงาน');
    const right = await cli(['org', 'delete', 'demo'], 'demo\n');
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/ลบหน่วยงาน demo แล้ว \(\d+ แถว\) บันทึกการลบใน audit log: org\.delete/);
    const again = await cli(['org', 'delete', 'demo', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ไม่พบหน่วยงาน');
  }, 120_000);
});
