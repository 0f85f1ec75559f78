import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { prepareEveryStatement } from './prepare-all.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type every repository takes: PGlite and postgres-js share it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs the committed migrations; safe when several instances start at once. */
  migrate(): Promise<void>;
  ping(): Promise<{ ok: boolean; latencyMs: number; error?: string }>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

// Any constant works; it only has to be the same in every instance of this app.
const MIGRATION_LOCK_KEY = 7_318_455_001;

/** `onQuery` sees every statement's SQL text (never its parameters): for counting statements (bench, tests, diagnosis). */
/** `preparedStatements` (PostgreSQL only, default true): every parameterised statement prepared (prepare-all.ts). */
export type DatabaseOptions = { url?: string; dataDir?: string; poolMax?: number; inMemory?: boolean; preparedStatements?: boolean; onQuery?: (sql: string) => void };

const loggerOf = (opts: DatabaseOptions) => (opts.onQuery ? { logQuery: (query: string) => opts.onQuery!(query) } : undefined);

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolMax ?? 10, opts) : openPglite(opts);
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  let client: PGlite;
  let releaseLock = () => {};
  if (opts.inMemory) {
    client = new PGlite();
  } else {
    const dir = `${opts.dataDir ?? './data'}/pglite`;
    mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir);
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema, logger: loggerOf(opts) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: () => ping(db),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt
 * it. A pid lock file turns that into a clear error (stale locks of dead processes are taken over).
 */
function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${pid}. Stop that process first, ` +
            'use the admin HTTP API instead, or run on PostgreSQL (DATABASE_URL) to share the database.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPostgres(url: string, poolMax: number, opts: DatabaseOptions): Promise<Database> {
  const client = postgres(url, { max: poolMax, onnotice: () => {}, connection: { application_name: 'ita-oit-line' } });
  const db = drizzlePostgres({ client, schema, logger: loggerOf(opts) }) as unknown as Db;
  if (opts.preparedStatements ?? true) prepareEveryStatement(db);
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // One connection holds the lock while it migrates, so instances starting together queue.
      const one = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await one`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: one }), { migrationsFolder });
        await one`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await one.end({ timeout: 5 });
      }
    },
    ping: () => ping(db),
    close: () => client.end({ timeout: 5 }),
  };
}

async function ping(db: Db) {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
  }
}

/** Rows of a raw `db.execute`, whichever driver ran it (PGlite returns {rows}, postgres-js an array). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
