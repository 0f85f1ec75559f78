import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

/** Admin API: POST /api/v1/links/check?year= runs a check now and answers its summary. */
export function linksRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'links'>) {
  const actorOf = adminActor(c.auth);
  app.post('/api/v1/links/check', async (req) => {
    const actor = await actorOf(req);
    const q = parseInput(query, req.query);
    return c.links.check(actor, q.year);
  });
}
