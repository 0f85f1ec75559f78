import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import { DELIVERY_STATUSES } from './deliveries.usecases.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const csv = <T extends z.ZodType<string, string>>(item: T) => z.string().max(500).transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(item).max(20));
const logQuery = z.object({
  since: isoDate.optional(),
  status: csv(z.enum(DELIVERY_STATUSES)).optional(),
  kind: csv(z.string().regex(/^[a-z_]{1,40}$/)).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const testBody = z.object({ officerId: z.number().int().positive().max(2_147_483_647) });

/** Admin API: the month's message budget, the delivery log, and a test message. */
export function deliveryRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'deliveries'>) {
  const actorOf = adminActor(c.auth);

  app.get('/api/v1/delivery', async (req) => c.deliveries.overview(await actorOf(req)));

  app.get('/api/v1/deliveries', async (req) => {
    const actor = await actorOf(req);
    const q = parseInput(logQuery, req.query);
    return c.deliveries.log(actor, q);
  });

  app.post('/api/v1/delivery/test', async (req) => {
    const actor = await actorOf(req);
    const { officerId } = parseInput(testBody, req.body);
    return c.deliveries.sendTest(actor, { id: officerId });
  });
}
