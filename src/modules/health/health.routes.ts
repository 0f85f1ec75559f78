import type { FastifyInstance } from 'fastify';
import type { Container } from '../../container.ts';

/**
 * GET /healthz: 200 when the database answers, 503 otherwise (load balancers read the status).
 * `delivery` tells whether LINE messages still go as the policy says: `degraded` (still 200:
 * this instance is fine) when pushes are held for the month, or when the full policy would need
 * more messages than are left this month and the planner is cutting back (README "Message budget").
 */
export function healthRoutes(app: FastifyInstance, c: Pick<Container, 'database' | 'config' | 'delivery' | 'clock'>) {
  app.get('/healthz', async (_req, reply) => {
    const db = await c.database.ping();
    const delivery = db.ok ? await c.delivery.status(c.clock.now()).catch(() => null) : null;
    const body = {
      status: !db.ok || delivery?.degraded ? 'degraded' : 'ok',
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
    };
    return reply.status(db.ok ? 200 : 503).send(body);
  });
}
