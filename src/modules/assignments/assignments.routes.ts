import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { errors } from '../../shared/errors.ts';
import { idParam, MAX_ID, parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import { STATUSES, WORKFLOW_ACTIONS } from './workflow.ts';

const listQuery = z.object({
  year: z.coerce.number().int().min(2500).max(2700).optional(),
  status: z.enum(STATUSES).optional(),
  officerId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  item: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
const idParams = z.object({ id: idParam });
const transitionBody = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  note: z.string().max(2000).optional(),
  version: z.number().int().positive().max(MAX_ID).optional(),
  confirmIncomplete: z.boolean().optional(),
});
const evidenceBody = z.object({ url: z.string().min(1).max(8192), label: z.string().max(300).optional() });
const evidenceParams = z.object({ id: idParam, evidenceId: idParam });
const relabelBody = z.object({ label: z.string().max(300).nullable() });
/** People as the API shows them: never their LINE user id (the link to a person's account stays server-side). */
const publicPerson = <P extends { lineUserId?: unknown; assignmentId?: unknown }>({ lineUserId: _, ...p }: P) => p;

/** Admin API over assignments: list, detail, status change, evidence (added, relabelled, removed). */
export function assignmentsRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'cycles' | 'catalog' | 'assignments'>) {
  const actorOf = adminActor(c.auth);

  app.get('/api/v1/assignments', async (req) => {
    const actor = await actorOf(req);
    const q = parseInput(listQuery, req.query);
    const cycle = q.year ? await c.cycles.find(actor.orgId, q.year) : await c.cycles.latest(actor.orgId);
    if (!cycle) throw errors.notFound('cycle', q.year);
    const itemNumber = q.item ? (await c.catalog.resolve(cycle.catalogYear, q.item)).number : undefined;
    const filter = {
      cycleId: cycle.id,
      statuses: q.status ? [q.status] : undefined,
      officerId: q.officerId,
      itemNumber,
      limit: q.limit,
      offset: q.offset,
    };
    const items = await c.assignments.list(actor, filter);
    const people = await c.assignments.people(actor, items.map((i) => i.id));
    return {
      year: cycle.year,
      items: items.map((i) => ({ ...i, people: people.filter((p) => p.assignmentId === i.id).map(({ assignmentId: _, ...p }) => publicPerson(p)) })),
    };
  });

  app.get('/api/v1/assignments/:id', async (req) => {
    const actor = await actorOf(req);
    const { id } = parseInput(idParams, req.params);
    const detail = await c.assignments.detail(actor, id);
    return { ...detail, people: detail.people.map(publicPerson) };
  });

  app.post('/api/v1/assignments/:id/transitions', async (req) => {
    const actor = await actorOf(req);
    const { id } = parseInput(idParams, req.params);
    const body = parseInput(transitionBody, req.body);
    return c.assignments.transition(actor, id, body.action, { note: body.note, version: body.version, confirmIncomplete: body.confirmIncomplete });
  });

  app.post('/api/v1/assignments/:id/evidence', async (req, reply) => {
    const actor = await actorOf(req);
    const { id } = parseInput(idParams, req.params);
    const body = parseInput(evidenceBody, req.body);
    return reply.status(201).send(await c.assignments.addEvidence(actor, id, body));
  });

  // A wrong link no longer stays forever: relabel or remove it (audited; only while the preparer holds the item).
  app.patch('/api/v1/assignments/:id/evidence/:evidenceId', async (req) => {
    const actor = await actorOf(req);
    const p = parseInput(evidenceParams, req.params);
    return c.assignments.relabelEvidence(actor, p.id, p.evidenceId, parseInput(relabelBody, req.body).label);
  });

  app.delete('/api/v1/assignments/:id/evidence/:evidenceId', async (req, reply) => {
    const actor = await actorOf(req);
    const p = parseInput(evidenceParams, req.params);
    await c.assignments.removeEvidence(actor, p.id, p.evidenceId);
    return reply.status(204).send();
  });
}
