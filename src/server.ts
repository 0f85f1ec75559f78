import { existsSync } from 'node:fs';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createContainer, prepareDatabase } from './container.ts';
import { openDatabase } from './db/client.ts';
import { systemClock } from './shared/clock.ts';
import { startScheduler } from './modules/reminders/scheduler.ts';
import { startLinkCheckScheduler } from './modules/links/links.scheduler.ts';
import { startInboxProcessing, type InboxProcessing } from './inbox-processing.ts';

/** Entry point: listen, start schedules, close gracefully on SIGINT/SIGTERM. */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  // One line while the slow part runs: opening the database, migrations and the built-in catalogs
  // (seconds on a new data directory; PGlite loads its WebAssembly first).
  const started = Date.now();
  const pgliteDir = `${config.database.dataDir}/pglite`;
  console.log(config.database.url
    ? 'ITA OIT tracker: starting (PostgreSQL: migrations and catalogs)…'
    : existsSync(pgliteDir)
      ? `ITA OIT tracker: starting (embedded PGlite in ${pgliteDir}: migrations and catalogs)…`
      : `ITA OIT tracker: first start, creating the embedded PGlite database in ${pgliteDir} (once; this takes a while)…`);
  const database = await openDatabase(config.database);
  const container = createContainer({ config, database, clock: systemClock });
  const catalogs = await prepareDatabase(container);
  const app = await buildApp(container);
  // Reminders, escalations and daily summaries (SCHEDULER_ENABLED=false on instances that only serve HTTP).
  const scheduler = config.reminders.schedulerEnabled
    ? startScheduler({ reminders: container.reminders, clock: systemClock, crons: config.reminders, log: (m, e) => (e ? app.log.error({ err: e }, m) : app.log.info(m)) })
    : null;
  // Evidence link health: weekly, daily within an OIT window (LINK_CHECK_CRON ticks, the service decides).
  const linkScheduler = config.reminders.schedulerEnabled
    ? startLinkCheckScheduler({ links: container.links, clock: systemClock, cronExpr: config.links.cron, log: (m, e) => (e ? app.log.error({ err: e }, m) : app.log.info(m)) })
    : null;

  let processing: InboxProcessing | null = null;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    // A readable line like the start-up ones (the JSON request log stays for requests).
    console.log(`ITA OIT tracker: shutting down (${signal})`);
    await app.close();
    await scheduler?.stop();
    await linkScheduler?.stop();
    await container.links.close();
    await container.lineBot.worker.stop();
    await processing?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  // Webhook events are processed from the inbox: right after each request, and by a poll for
  // retries; on a thread of its own with PostgreSQL (INBOX_WORKER_THREAD), not at all on
  // webhook-only instances (INBOX_WORKER_ENABLED=false: worker instances process them).
  processing = await startInboxProcessing({ worker: container.lineBot.worker, config, log: (m, e) => (e ? app.log.error({ err: e }, m) : app.log.warn(m)) });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)';
  console.log(`ITA OIT tracker listening on http://${config.host}:${port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  database: ${where}; catalogs: ${catalogs.map((c) => `${c.year} (O1–O${c.items})`).join(', ')}`);
  console.log(`  inbox worker: ${{ none: 'none here (INBOX_WORKER_ENABLED=false)', 'main thread': 'on the main thread', 'own thread': 'on a thread of its own' }[processing.where]}`);
  console.log(`  LINE: ${config.line.offline ? 'offline mode (no LINE credentials set)' : `channel configured, API ${config.line.apiBaseUrl}`}`);
  if (config.line.offline) console.log(`  LINE simulator: http://${config.host}:${port}/dev/simulator (answers this machine only)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
