import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContainer, prepareDatabase } from '../../src/container.ts';
import { auditLog, officers } from '../../src/db/schema.ts';
import { forgetSimulatedIds } from '../../src/modules/line/linking/simulated-ids.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { uid } from './helpers.ts';

let t: TestContext;
const lineIdOf = async (name: string) => (await t.container.database.db.select().from(officers).where(eq(officers.name, name)))[0]!.lineUserId;

beforeAll(async () => {
  t = await createTestContext(); // offline: the simulator is on
  await seedOrg(t.container, {
    slug: 'go-live',
    units: ['กองแผน'],
    officers: [{ name: 'นางทดลอง จำลอง' }, { name: 'นายจริง ผูกแล้ว', lineUserId: uid(77) }],
    assignments: [],
  });
});
afterAll(() => t.close());

describe('going live after trying the simulator', () => {
  it('starting with LINE credentials forgets the LINE ids the simulator made up, audited, and keeps real ones', async () => {
    const { orgs } = (await t.app.inject({ method: 'GET', url: '/dev/simulator/api/directory' })).json();
    const org = orgs.find((o: any) => o.slug === 'go-live');
    const simulated = org.officers.find((o: any) => o.name === 'นางทดลอง จำลอง');
    await t.app.inject({ method: 'POST', url: '/dev/simulator/api/act-as', payload: { orgId: org.id, officerId: simulated.id } });
    expect(await lineIdOf('นางทดลอง จำลอง')).toMatch(/^Usim/);

    // Offline start-up leaves them (the simulator still uses them).
    await prepareDatabase(t.container);
    expect(await lineIdOf('นางทดลอง จำลอง')).toMatch(/^Usim/);

    // The same database, started online.
    const config = loadConfig({ LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', PUBLIC_BASE_URL: 'https://ita.example.go.th' });
    const online = createContainer({ config, database: t.container.database, clock: t.clock });
    await prepareDatabase(online);
    expect(await lineIdOf('นางทดลอง จำลอง')).toBeNull();
    expect(await lineIdOf('นายจริง ผูกแล้ว')).toBe(uid(77));
    const audit = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'line.simulated_id.forget'));
    expect(audit).toEqual([expect.objectContaining({ orgId: org.id, entityId: String(simulated.id), actor: 'startup' })]);
    // Nothing left to forget the next time.
    expect(await forgetSimulatedIds({ db: online.database.db, repo: online.lineBot.linkingRepo, audit: online.audit })).toBe(0);
  });
});
