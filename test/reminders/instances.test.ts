import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer, type Container } from '../../src/container.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { startScheduler } from '../../src/modules/reminders/scheduler.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, deliveriesByRetryKey, item, orgSpec, outboxRows, type World } from './fixtures/world.ts';

describe('several instances on one database', () => {
  let w: World;
  let second: Container;
  let secondDb: Database | undefined;
  beforeAll(async () => {
    w = await createWorld();
    for (let i = 0; i < 8; i++) {
      await seedOrg(w.container, orgSpec(`inst${i}`, [item(1, '2025-01-15'), item(2, '2025-01-10'), item(3, '2025-01-14', { preparer: 'นางมาลี มีสุข' })]));
    }
    // On PostgreSQL a second pool to the same database, like a second machine; PGlite is one process.
    const url = (w.container.database as Database & { url?: string }).url;
    secondDb = url ? await openDatabase({ url, poolMax: 5 }) : undefined;
    second = createContainer({ config: w.container.config, database: secondDb ?? w.container.database, clock: fixedClock(w.clock.now()) });
    w.standIn.setLatency(5);
  });
  afterAll(async () => {
    await secondDb?.close();
    await w.close();
  });

  it('plan and drain at the same time and deliver every message exactly once', async () => {
    const now = w.clock.now();
    const run = (c: Container) => c.reminders.planReminders(now).then(() => c.reminders.drain(() => now));
    const [a, b] = await Promise.all([run(w.container), run(second)]);
    const rows = await outboxRows(w);
    expect(rows.length).toBe(8 * 2); // a reminder for Somchai and an escalation for Wichai, per organization
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(a.sent + b.sent).toBe(rows.length);
    const byKey = deliveriesByRetryKey(w.standIn);
    expect(byKey.size).toBe(rows.length);
    expect([...byKey.values()].every((n) => n === 1)).toBe(true);
    expect(w.standIn.delivered()).toHaveLength(rows.length);
  });

  it('the scheduler plans and drains on its tick (run on demand here, no waiting)', async () => {
    w.clock.set('2025-01-16T02:00:00Z');
    const never = '0 0 1 1 *';
    const s = startScheduler({ reminders: w.container.reminders, clock: w.clock, crons: { reminderCron: never, summaryCron: never, drainCron: never } });
    try {
      await s.run('reminders');
      await s.run('summaries');
      const today = (await outboxRows(w)).filter((r) => r.localDate === '2025-01-16');
      expect(today.some((r) => r.kind === 'reminder')).toBe(true);
      expect(today.some((r) => r.kind === 'summary')).toBe(true);
      expect(today.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await s.stop();
    }
  });
});
