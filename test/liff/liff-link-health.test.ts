import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceLinks } from '../../src/db/schema.ts';
import { startFakeWebsite, type FakeWebsite } from '../fakes/website.ts';
import { ADMIN, api, OTHER_ORG, PREPARER, startLiff, type LiffContext } from './helpers.ts';

let t: LiffContext;
let site: FakeWebsite;
let orgId: number;

beforeAll(async () => {
  site = await startFakeWebsite();
  // The checker may reach the local website only because the test allows its host explicitly.
  t = await startLiff({ env: { LINK_CHECK_ALLOW_HOSTS: '127.0.0.1', LINK_CHECK_HOST_INTERVAL_MS: '0', LINK_CHECK_TIMEOUT_MS: '2000' } });
  orgId = (await t.container.orgs.bySlug('pt')).id;
  // Evidence rules refuse loopback URLs, so the links are put in directly, as an import would.
  await t.container.database.db.insert(evidenceLinks).values([
    { orgId, assignmentId: t.ids[1]!, url: `${site.url}/ok`, addedBy: 'cli' },
    { orgId, assignmentId: t.ids[1]!, url: `${site.url}/missing`, addedBy: 'cli' },
    { orgId, assignmentId: t.ids[1]!, url: `${site.url}/never-checked`, addedBy: 'cli' },
  ]);
  await t.container.links.check({ kind: 'admin', orgId, ref: 'cli' });
  // Added after the check: nothing is known about it yet.
  await t.container.database.db.insert(evidenceLinks).values({ orgId, assignmentId: t.ids[1]!, url: `${site.url}/added-later`, addedBy: 'cli' });
}, 60_000);
afterAll(async () => {
  await t.container.links.close();
  await t.close();
  await site.close();
});

describe('evidence link health on the item page', () => {
  it('tells the preparer which link the checker could not open, in Thai, with when it was checked', async () => {
    const res = await api(t, 'GET', `/items/${t.ids[1]}`, t.token(PREPARER));
    expect(res.statusCode).toBe(200);
    const byPath = new Map(res.json().evidence.map((e: any) => [new URL(e.url).pathname, e.health]));
    expect(byPath.get('/missing')).toMatchObject({ state: 'broken', ok: false, label: 'เปิดไม่ได้ (404)', httpStatus: 404 });
    expect(Date.parse((byPath.get('/missing') as any).checkedAt)).toBe(t.clock.now().getTime());
    expect(byPath.get('/ok')).toMatchObject({ state: 'ok', ok: true, label: 'ใช้งานได้' });
    expect(byPath.get('/added-later')).toBeNull();
  });

  it('speaks English when the page asks for it', async () => {
    const res = await api(t, 'GET', `/items/${t.ids[1]}`, t.token(ADMIN), undefined, { 'accept-language': 'en' });
    const missing = res.json().evidence.find((e: any) => e.url.endsWith('/missing'));
    expect(missing.health.label).not.toBe('เปิดไม่ได้ (404)');
    expect(missing.health.label).toContain('404');
  });

  it('says nothing about a link whose URL is no longer the one that was checked', async () => {
    const db = t.container.database.db;
    const [link] = await db.select().from(evidenceLinks).where(eq(evidenceLinks.url, `${site.url}/missing`));
    await db.update(evidenceLinks).set({ url: `${site.url}/fixed` }).where(eq(evidenceLinks.id, link!.id));
    const res = await api(t, 'GET', `/items/${t.ids[1]}`, t.token(PREPARER));
    expect(res.json().evidence.find((e: any) => e.id === link!.id).health).toBeNull();
  });

  it('another organization sees neither the item nor its link health', async () => {
    expect((await api(t, 'GET', `/items/${t.ids[1]}`, t.token(OTHER_ORG))).statusCode).toBe(404);
  });
});
