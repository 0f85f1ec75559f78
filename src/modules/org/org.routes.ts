import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const settingsBody = z.object({ reviewSteps: z.union([z.literal(1), z.literal(2)]) });

/** Admin API: the organization's settings (one- or two-step review). */
export function orgRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'orgs'>) {
  const actorOf = adminActor(c.auth);

  app.get('/api/v1/organization', async (req) => c.orgs.settings(await actorOf(req)));

  app.patch('/api/v1/organization', async (req) => {
    const actor = await actorOf(req);
    const body = parseInput(settingsBody, req.body);
    await c.orgs.setReviewSteps(actor, body.reviewSteps);
    return c.orgs.settings(actor);
  });
}
