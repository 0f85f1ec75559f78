import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { errors } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const listQuery = z.object({ unlinked: z.enum(['true', 'false']).optional() });
const addBody = z.object({ name: z.string().min(1).max(200), position: z.string().max(200).optional(), unit: z.string().max(300).optional() });
const patchBody = z.object({ name: z.string().min(1).max(200).optional(), active: z.boolean().optional() });
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** Admin API: the organization's officers, with their LINE-link status. */
export function officersRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'officers'>) {
  const actorOf = adminActor(c.auth);

  app.get('/api/v1/officers', async (req) => {
    const q = parseInput(listQuery, req.query);
    return { officers: await c.officers.list(await actorOf(req), { unlinked: q.unlinked === 'true' }) };
  });

  app.post('/api/v1/officers', async (req, reply) => {
    const actor = await actorOf(req);
    return reply.status(201).send(await c.officers.add(actor, parseInput(addBody, req.body)));
  });

  app.patch('/api/v1/officers/:id', async (req) => {
    const actor = await actorOf(req);
    const { id } = parseInput(idParam, req.params);
    const b = parseInput(patchBody, req.body);
    const o = (await c.officers.list(actor)).find((x) => x.id === id);
    if (!o) throw errors.notFound('officer', id);
    let name = o.name;
    if (b.name !== undefined) name = (await c.officers.rename(actor, o.name, b.name)).name;
    if (b.active !== undefined) await c.officers.setActive(actor, name, b.active);
    return (await c.officers.list(actor)).find((x) => x.id === id);
  });
}
