import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContainer } from '../../src/container.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { startLineApiStandIn, type LineApiStandIn } from '../fakes/line-api.ts';
import { seedOrg } from '../helpers/seed.ts';
import { createWorld, deliveriesByRetryKey, item, lineId, orgSpec, outboxRows, type World } from '../reminders/fixtures/world.ts';

/**
 * Issue 10.4: `remind --now <T>` crashed mid-drain; rerunning `remind --now <T>` (the same T) must
 * take over the crashed run's claimed rows once their lease is over on the REAL clock. Before the
 * fix the lease was `T + 60 s`, so a rerun at the same T never saw it expire and the rows stayed
 * 'sending' for good.
 */
describe('outbox leases are measured on the real clock, whatever --now says', () => {
  let w: World;
  let hanging: LineApiStandIn;
  const NOW = new Date('2025-01-15T02:00:00Z'); // what --now said, both times

  beforeAll(async () => {
    w = await createWorld({ now: NOW.toISOString() });
    const people = Array.from({ length: 6 }, (_, i) => ({ name: `นายคนที่ ${i} ทดสอบ`, unit: 'กองแผน', lineUserId: lineId(`lease-${i}`) }));
    const spec = orgSpec('lease', people.map((p, i) => item(i + 1, '2025-01-14', { preparer: p.name })));
    await seedOrg(w.container, { ...spec, officers: [...spec.officers, ...people] });
    hanging = await startLineApiStandIn({ latencyMs: 600_000 }); // LINE never answers the first run
  });
  afterAll(async () => {
    await hanging.close();
    await w.close();
  });

  it('a rerun with the same --now resends the rows a crashed run had claimed, once the real lease is over, each once', async () => {
    const real = fixedClock(NOW); // the machine's clock; --now is passed to drain() separately
    const config = (url: string) => loadConfig({ LOG_LEVEL: 'silent', LINE_CHANNEL_SECRET: 'x', LINE_CHANNEL_ACCESS_TOKEN: 'y', LINE_API_BASE_URL: url, PUBLIC_BASE_URL: 'https://ita.example.go.th' });
    const crashed = createContainer({ config: config(hanging.url), database: w.container.database, clock: fixedClock(NOW), log: () => {} });
    await crashed.reminders.planReminders(NOW);
    const planned = await outboxRows(w);
    expect(planned.length).toBeGreaterThan(0);
    // The first run claims every row, then hangs in LINE's push (as good as dead: it never marks anything).
    const first = crashed.reminders.drain(() => NOW);
    for (let i = 0; i < 200 && (await outboxRows(w)).some((r) => r.status !== 'sending'); i++) await new Promise((r) => setTimeout(r, 10));
    expect((await outboxRows(w)).every((r) => r.status === 'sending')).toBe(true);

    // The operator reruns `remind --now <same T>` a while later: the machine's clock moved, --now did not.
    real.advance(2 * 60_000);
    const rerun = createContainer({ config: w.container.config, database: w.container.database, clock: real, log: () => {} });
    const r = await rerun.reminders.drain(() => NOW);
    expect(r.sent).toBe(planned.length);
    expect((await outboxRows(w)).filter((x) => x.status !== 'sent')).toEqual([]);
    expect([...deliveriesByRetryKey(w.standIn).values()]).toEqual(planned.map(() => 1));

    // The hung run wakes up (LINE errors) and must not touch rows it no longer holds.
    await hanging.close();
    await first;
    expect((await outboxRows(w)).every((x) => x.status === 'sent')).toBe(true);
  });

  it('rows that expire unsent are reported to the organization admin', async () => {
    const day = new Date('2025-01-16T02:00:00Z');
    w.clock.set(day);
    await w.container.reminders.planReminders(day);
    const planned = (await outboxRows(w)).filter((x) => x.localDate === '2025-01-16');
    w.standIn.failNext(1000, { status: 503, paths: /push/ }); // LINE down all day
    await w.container.reminders.drain(() => day);
    w.standIn.reset();
    const next = new Date('2025-01-17T02:00:00Z');
    w.clock.set(next);
    const r = await w.container.reminders.drain(() => next);
    expect(r.expired).toBe(planned.length);
    const alerts = (await outboxRows(w, 'admin_alert')).filter((x) => x.localDate === '2025-01-17');
    expect(alerts.map((a) => a.recipient)).toEqual([lineId('lease-anan')]);
    expect(alerts[0]!.status).toBe('sent');
    const text = JSON.stringify(alerts[0]!.messages);
    expect(text).toContain(String(planned.length));
    expect(text).toContain('16 ม.ค. 68');
    // Told once: a later drain the same day adds nothing.
    await w.container.reminders.drain(() => next);
    expect((await outboxRows(w, 'admin_alert')).filter((x) => x.localDate === '2025-01-17')).toHaveLength(1);
  });
});
