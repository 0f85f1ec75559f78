import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const flag = z.enum(['true', 'false']).optional();
const query = z.object({
  year: z.coerce.number().int().min(2500).max(2700),
  filename: z.string().max(255).optional(),
  dryRun: flag,
  keepSeparate: flag,
});
const aliasBody = z.object({ kind: z.enum(['unit', 'officer']), alias: z.string().min(1).max(300), to: z.string().min(1).max(300) });

/**
 * POST /api/v1/imports?year=2568 with the sheet as the raw body (text/csv or the XLSX type).
 * All rows apply or none do; row errors come back as details; `dryRun=true` answers with the
 * report of how the sheet was read. Aliases settle the near-duplicates it lists.
 */
export function importRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'imports' | 'aliases'>) {
  app.register(async (scope) => {
    for (const type of ['text/csv', XLSX, 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 20 * 1_048_576 }, (_req, body, done) => done(null, body));
    }
    scope.post('/api/v1/imports', async (req) => {
      const actor = await adminActor(c.auth)(req);
      const q = parseInput(query, req.query);
      const type = String(req.headers['content-type'] ?? '');
      const fileName = q.filename ?? (type.startsWith(XLSX) ? 'upload.xlsx' : 'upload.csv');
      const bytes = new Uint8Array(req.body as Buffer);
      return c.imports.importSheet(actor, { fileName, bytes, year: q.year, dryRun: q.dryRun === 'true', keepSeparate: q.keepSeparate === 'true' });
    });
  });
  app.get('/api/v1/aliases', async (req) => ({ aliases: await c.aliases.list(await adminActor(c.auth)(req)) }));
  app.post('/api/v1/aliases', async (req) => {
    const actor = await adminActor(c.auth)(req);
    const b = parseInput(aliasBody, req.body);
    return c.aliases.add(actor, b.kind, b.alias, b.to);
  });
}
