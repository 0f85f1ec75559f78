import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import { parseItemNumber } from '../catalog/item-code.ts';
import { AUDIT_MAX_LIMIT } from './audit.usecases.ts';

const query = z.object({
  /** An item code in any spelling officers use (O5, o05, ข้อ 5). */
  item: z.string().max(20).transform((v, ctx) => {
    const n = parseItemNumber(v);
    if (n === null) ctx.addIssue({ code: 'custom', message: 'รหัสข้อ เช่น O5' });
    return n ?? 0;
  }).optional(),
  /** ISO date (from midnight in Bangkok) or date-time. */
  since: z.string().max(40).transform((v, ctx) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+07:00` : v);
    if (Number.isNaN(d.getTime())) ctx.addIssue({ code: 'custom', message: 'วันที่แบบ ISO เช่น 2025-01-31' });
    return d;
  }).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX_LIMIT).default(100),
});

/** Admin API: the audit log, newest first (`GET /api/v1/audit?item=O5&since=2025-01-01&limit=100`). */
export function auditRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'auditReader'>) {
  const actorOf = adminActor(c.auth);
  app.get('/api/v1/audit', async (req) => {
    const actor = await actorOf(req);
    const q = parseInput(query, req.query);
    return { entries: await c.auditReader.read(actor, { itemNumber: q.item, since: q.since, limit: q.limit }) };
  });
}
