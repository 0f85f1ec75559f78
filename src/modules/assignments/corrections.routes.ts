import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { errors } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').nullable();
const role = z.enum(['preparer', 'supervisor', 'certifier']);
const personBody = z.object({ officerId: id, role });
const dueBody = z.object({ due: isoDate });
const bulkDueBody = z.object({ due: isoDate, year: z.number().int().min(2500).max(2700).optional(), unitId: id.optional() });
const transferBody = z.object({ to: id, year: z.number().int().min(2500).max(2700).optional() });

/** Admin API: corrections without re-importing (due dates, people, transfers, removal). */
export function correctionsRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'cycles' | 'corrections'>) {
  const actorOf = adminActor(c.auth);
  const cycleOf = async (orgId: number, year?: number) => {
    const cycle = year ? await c.cycles.find(orgId, year) : await c.cycles.latest(orgId);
    if (!cycle) throw errors.notFound('cycle', year);
    return cycle;
  };

  app.put('/api/v1/assignments/:id/due', async (req) => {
    const actor = await actorOf(req);
    const p = parseInput(z.object({ id }), req.params);
    return c.corrections.setDue(actor, { ids: [p.id] }, parseInput(dueBody, req.body).due);
  });

  app.post('/api/v1/due-dates', async (req) => {
    const actor = await actorOf(req);
    const b = parseInput(bulkDueBody, req.body);
    const cycle = await cycleOf(actor.orgId, b.year);
    return c.corrections.setDue(actor, { filter: { cycleId: cycle.id, unitId: b.unitId } }, b.due);
  });

  app.post('/api/v1/assignments/:id/people', async (req) => {
    const actor = await actorOf(req);
    const p = parseInput(z.object({ id }), req.params);
    const b = parseInput(personBody, req.body);
    return { changed: await c.corrections.addPerson(actor, p.id, b.officerId, b.role) };
  });

  app.delete('/api/v1/assignments/:id/people/:officerId/:role', async (req) => {
    const actor = await actorOf(req);
    const p = parseInput(z.object({ id, officerId: id, role }), req.params);
    return { changed: await c.corrections.removePerson(actor, p.id, p.officerId, p.role) };
  });

  app.post('/api/v1/officers/:id/transfer', async (req) => {
    const actor = await actorOf(req);
    const p = parseInput(z.object({ id }), req.params);
    const b = parseInput(transferBody, req.body);
    const cycle = b.year ? await cycleOf(actor.orgId, b.year) : undefined;
    return c.corrections.transfer(actor, p.id, b.to, cycle?.id);
  });

  app.delete('/api/v1/assignments/:id', async (req, reply) => {
    const actor = await actorOf(req);
    const p = parseInput(z.object({ id }), req.params);
    await c.corrections.remove(actor, p.id);
    return reply.status(204).send();
  });
}
