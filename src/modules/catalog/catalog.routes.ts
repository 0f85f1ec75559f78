import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import { exportCatalog } from './catalog.export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yearParam = z.object({ year: z.coerce.number().int().min(2500).max(2700) });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() });
const exportQuery = versionQuery.extend({ format: z.enum(['xlsx', 'csv', 'json']).default('xlsx') });
const importQuery = z.object({ filename: z.string().max(255).optional(), dryRun: z.enum(['true', 'false']).optional() });
const pinBody = z.object({ catalogYear: z.number().int().min(2500).max(2700), version: z.number().int().min(1).max(100_000).nullable().optional() });

/**
 * Catalogs are public NACC data: reading and exporting need no token. Loading one (it is shared
 * by every organization of the deployment) needs the CLI or a token made with --catalogs.
 */
export function catalogRoutes(app: FastifyInstance, c: Pick<Container, 'catalog' | 'catalogImport' | 'cycles' | 'auth'>) {
  app.get('/api/v1/catalogs', async () => ({ years: await c.catalog.years() }));
  app.get('/api/v1/catalogs/:year', async (req) => {
    const { year } = parseInput(yearParam, req.params);
    const { version: v } = parseInput(versionQuery, req.query);
    const { version } = await c.catalog.versionOf({ catalogYear: year, catalogVersion: v });
    const [subIndicators, items] = await Promise.all([c.catalog.subIndicators(year, version), c.catalog.itemsFor({ catalogYear: year, catalogVersion: version })]);
    return { year, version, subIndicators, items };
  });
  app.get('/api/v1/catalogs/:year/versions', async (req) => {
    const { year } = parseInput(yearParam, req.params);
    return { year, versions: await c.catalog.versions(year) };
  });
  app.get('/api/v1/catalogs/:year/export', async (req, reply) => {
    const { year } = parseInput(yearParam, req.params);
    const q = parseInput(exportQuery, req.query);
    const file = await exportCatalog(await c.catalog.content(year, q.version), q.format);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(Buffer.from(file.bytes));
  });

  app.register(async (scope) => {
    for (const type of ['text/csv', XLSX, 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 5 * 1_048_576 }, (_req, body, done) => done(null, body));
    }
    // JSON arrives as a file: the import reads it itself (and says which field is wrong, in Thai).
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 5 * 1_048_576 }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/catalogs/:year/import', async (req) => {
      const actor = await adminActor(c.auth)(req);
      const { year } = parseInput(yearParam, req.params);
      const q = parseInput(importQuery, req.query);
      const type = String(req.headers['content-type'] ?? '');
      const fileName = q.filename ?? (type.startsWith(XLSX) ? 'catalog.xlsx' : type.startsWith('application/json') ? 'catalog.json' : 'catalog.csv');
      return c.catalogImport.importFile(actor, { fileName, bytes: new Uint8Array(req.body as Buffer), year, dryRun: q.dryRun === 'true' });
    });
  });

  app.put('/api/v1/cycles/:year/catalog', async (req) => {
    const actor = await adminActor(c.auth)(req);
    const { year } = parseInput(yearParam, req.params);
    const body = parseInput(pinBody, req.body);
    return c.cycles.pinCatalog(actor, year, { catalogYear: body.catalogYear, version: body.version ?? null });
  });
}
