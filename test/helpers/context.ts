import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createContainer, prepareDatabase, type Container } from '../../src/container.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createTestDatabase } from './db.ts';

export type TestContext = {
  container: Container;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  /** Lines the offline LINE gateway printed. */
  printed: string[];
  close(): Promise<void>;
};

/**
 * A migrated database with the built-in catalogs, the container and the Fastify app, on a fixed
 * clock. `env` is passed through the real config parser (e.g. LINE credentials + base URL of the
 * stand-in).
 */
export async function createTestContext(opts: { env?: Record<string, string>; now?: string; onQuery?: (sql: string) => void } = {}): Promise<TestContext> {
  const database = await createTestDatabase({ onQuery: opts.onQuery });
  const config = loadConfig({ LOG_LEVEL: 'silent', ...opts.env });
  const clock = fixedClock(opts.now ?? '2025-01-15T03:00:00Z');
  const printed: string[] = [];
  const container = createContainer({ config, database, clock, log: (l) => printed.push(l) });
  await prepareDatabase(container);
  const app = await buildApp(container);
  await app.ready();
  return {
    container,
    app,
    clock,
    printed,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
