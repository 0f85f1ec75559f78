import type { FastifyInstance } from 'fastify';
import type { Container } from '../../container.ts';
import type { InboxHealth } from '../line/webhook/inbox.health.ts';

/**
 * GET /healthz: 200 when the database answers, 503 otherwise (load balancers read the status).
 * `delivery` tells whether LINE messages still go as the policy says: `degraded` (still 200:
 * this instance is fine) when pushes are held for the month, or when the full policy would need
 * more messages than are left this month and the planner is cutting back (README "Message budget").
 * `inbox` tells whether webhook events are answered in time (inbox.health.ts): `degraded` when one
 * has waited longer than INBOX_STALE_SECONDS, or a stored request had to be set aside.
 */
export function healthRoutes(app: FastifyInstance, c: Pick<Container, 'database' | 'config' | 'delivery' | 'clock'> & { lineBot: { inboxHealth: () => Promise<InboxHealth> } }) {
  app.get('/healthz', async (_req, reply) => {
    const db = await c.database.ping();
    const [delivery, inbox] = db.ok ? await Promise.all([c.delivery.status(c.clock.now()).catch(() => null), c.lineBot.inboxHealth().catch(() => null)]) : [null, null];
    const body = {
      status: !db.ok || delivery?.degraded || inbox?.status === 'degraded' ? 'degraded' : 'ok',
      database: { kind: c.database.kind, ok: db.ok, latencyMs: db.latencyMs, ...(db.error ? { error: db.error } : {}) },
      line: { mode: c.config.line.offline ? 'offline' : 'online' },
      ...(delivery
        ? {
            delivery: {
              status: delivery.degraded ? 'degraded' : 'ok',
              month: delivery.month,
              budget: delivery.budget,
              used: delivery.used,
              remaining: delivery.remaining,
              level: delivery.level,
              forecast: delivery.forecast ? { full: delivery.forecast.full, atLevel: delivery.forecast.atLevel, runsOutOn: delivery.forecast.runsOutOn.full } : null,
              held: delivery.held,
            },
          }
        : {}),
      ...(inbox ? { inbox } : {}),
    };
    return reply.status(db.ok ? 200 : 503).send(body);
  });
}
