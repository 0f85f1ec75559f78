import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { langFromHeader } from '../../messages/index.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import type { ExportFile } from './reports.usecases.ts';

const sheetQuery = z.object({
  year: z.coerce.number().int().min(2500).max(2700),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export function sendFile(reply: import('fastify').FastifyReply, f: ExportFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.fileName}"`)
    .header('cache-control', 'no-store')
    .send(f.bytes);
}

const chartQuery = z.object({
  year: z.coerce.number().int().min(2500).max(2700),
  format: z.enum(['png', 'svg']).default('png'),
});

/** Admin API: GET /api/v1/exports/itas and /status (?year=2568&format=xlsx|csv), /chart (format=png|svg). */
export function reportsRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'reports'>) {
  const actorOf = adminActor(c.auth);
  for (const kind of ['itas', 'status'] as const) {
    app.get(`/api/v1/exports/${kind}`, async (req, reply) => {
      const actor = await actorOf(req);
      const q = parseInput(sheetQuery, req.query);
      const file = await c.reports.exportSheet(actor, kind, q.year, q.format, langFromHeader(req.headers['accept-language']));
      return sendFile(reply, file);
    });
  }
  // A daily summary's chart picture for LINE's servers (see summary-extras.ts): the token is the key.
  app.get('/public/charts/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const m = /^([A-Za-z0-9_-]{32})\.png$/.exec(token);
    const file = m ? await c.reports.sharedChart(m[1]!) : null;
    if (!file) return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'NOT_FOUND', message: 'not found' } });
    return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=3600').send(file.bytes);
  });
  app.get('/api/v1/exports/chart', async (req, reply) => {
    const actor = await actorOf(req);
    const q = parseInput(chartQuery, req.query);
    return sendFile(reply, await c.reports.chart(actor, q.year, q.format, langFromHeader(req.headers['accept-language'])));
  });
}
