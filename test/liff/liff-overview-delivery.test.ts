import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import { ADMIN, api, PREPARER, startLiff, type LiffContext } from './helpers.ts';

const HOLD_END = '2025-02-01'; // the 1st, Bangkok

let t: LiffContext;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startLiff();
  for (const u of [PREPARER, ADMIN]) tok[u] = t.token(u, 24 * 3600);
});
afterAll(async () => t.close());

const overview = async (who: string) => api(t, 'GET', '/overview', tok[who]!);

/** A row of the delivery log as the planner, the reply riders or the sender leave it. */
async function logged(slug: string, status: string, kind: string, n = 1) {
  const org = (await t.container.orgRepo.bySlug(slug))!;
  const now = t.clock.now();
  for (let i = 0; i < n; i++) {
    await t.container.database.db.insert(outbox).values({
      orgId: org.id, dedupeKey: `test:${randomUUID()}`, kind, recipient: PREPARER, localDate: '2025-01-15', messages: [{ type: 'text', text: 'ทดสอบ' }],
      retryKey: randomUUID(), status, note: `${status} in the test`, cost: 1, nextAttemptAt: now, createdAt: now,
    });
  }
}

describe("organization overview: the month's LINE messages", () => {
  it('says everything goes as the policy says while nothing is held or cut back', async () => {
    const res = await overview(ADMIN);
    expect(res.statusCode).toBe(200);
    expect(res.json().delivery).toMatchObject({
      month: '2025-01', held: null, level: 'full', step: 0, degraded: false,
      messages: { merged: 0, dropped: 0, expired: 0, failed: 0 },
    });
  });

  it("shows pushes held until the 1st after LINE's monthly-limit 429, with the budget read from LINE", async () => {
    t.standIn.setQuota(1_000);
    await t.container.delivery.refresh(t.clock.now());
    t.standIn.setUsage(1_000); // spent elsewhere (LINE Official Account Manager) since the reading
    await logged('pt', 'pending', 'reminder');
    const drained = await t.container.reminders.drain(() => t.clock.now());
    expect(drained.hold).toMatchObject({ reason: 'monthly_limit' });

    const d = (await overview(ADMIN)).json().delivery;
    expect(d.held).toEqual({ reason: 'monthly_limit', until: HOLD_END });
    expect(d.degraded).toBe(true);
    expect(d.budget).toBe(1_000);
    expect(d.steps).toBeGreaterThan(0);
  });

  it("counts this organization's merged, dropped, expired and failed messages, not another's", async () => {
    await logged('pt', 'merged', 'reminder', 2);
    await logged('pt', 'dropped', 'summary', 3);
    await logged('pt', 'expired', 'escalation');
    await logged('pt', 'sent', 'review_request');
    await logged('other', 'dropped', 'summary', 5);
    await logged('other', 'failed', 'reminder');
    expect((await overview(ADMIN)).json().delivery.messages).toEqual({ merged: 2, dropped: 3, expired: 1, failed: 0 });
  });

  it('is not shown to an officer who is not an admin', async () => {
    const res = await overview(PREPARER);
    expect(res.statusCode).toBe(403);
    expect(res.json().delivery).toBeUndefined();
  });
});
