import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const year = z.number().int().min(2500).max(2700);
const body = z.object({ from: year, to: year, dryRun: z.boolean().default(false), due: z.string().max(40).optional() });
const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Admin API: POST /api/v1/rollover, GET /api/v1/assignments/:id/hints (last year's links). */
export function rolloverRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'rollover'>) {
  const actorOf = adminActor(c.auth);
  app.post('/api/v1/rollover', async (req) => {
    const actor = await actorOf(req);
    return c.rollover.rollover(actor, parseInput(body, req.body));
  });
  app.get('/api/v1/assignments/:id/hints', async (req) => {
    const actor = await actorOf(req);
    const { id } = parseInput(idParam, req.params);
    return { hints: await c.rollover.hints(actor, id) };
  });
}
