import type { FastifyInstance } from 'fastify';
import type { Container } from '../../container.ts';

/** GET /healthz: 200 when the database answers, 503 otherwise (load balancers read the status). */
export function healthRoutes(app: FastifyInstance, c: Pick<Container, 'database' | 'config'>) {
  app.get('/healthz', async (_req, reply) => {
    const db = await c.database.ping();
    const body = {
      status: db.ok ? 'ok' : 'degraded',
      database: { kind: c.database.kind, ok: db.ok, latencyMs: db.latencyMs, ...(db.error ? { error: db.error } : {}) },
      line: { mode: c.config.line.offline ? 'offline' : 'online' },
    };
    return reply.status(db.ok ? 200 : 503).send(body);
  });
}
