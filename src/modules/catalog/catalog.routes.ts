import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { parseInput } from '../../shared/validate.ts';

/** The built-in catalogs are public NACC data: no token needed. */
export function catalogRoutes(app: FastifyInstance, c: Pick<Container, 'catalog'>) {
  app.get('/api/v1/catalogs', async () => ({ years: await c.catalog.years() }));
  app.get('/api/v1/catalogs/:year', async (req) => {
    const { year } = parseInput(z.object({ year: z.coerce.number().int().min(2500).max(2700) }), req.params);
    const [subIndicators, items] = await Promise.all([c.catalog.subIndicators(year), c.catalog.items(year)]);
    return { year, subIndicators, items };
  });
}
