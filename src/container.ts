import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { createAssignmentsAdmin } from './modules/assignments/assignments.admin.ts';
import { createAssignmentsAdminRepository } from './modules/assignments/assignments.admin.repository.ts';
import { createAssignmentsRepository } from './modules/assignments/assignments.repository.ts';
import { createAssignmentsService } from './modules/assignments/assignments.usecases.ts';
import { OPEN_STATUSES } from './modules/assignments/workflow.ts';
import { createAuditLog } from './modules/audit/audit.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createAuditReader } from './modules/audit/audit.usecases.ts';
import { createAuthService } from './modules/auth/auth.usecases.ts';
import { createIdTokenVerifier } from './modules/auth/id-token.ts';
import { createCatalogRepository } from './modules/catalog/catalog.repository.ts';
import { createCatalogImport } from './modules/catalog/catalog.import.ts';
import { createTickStore } from './modules/catalog/catalog.ticks.ts';
import { createCatalogService } from './modules/catalog/catalog.usecases.ts';
import { createCyclesRepository } from './modules/cycles/cycles.repository.ts';
import { createCyclesService } from './modules/cycles/cycles.usecases.ts';
import { createAliasService } from './modules/import/aliases.usecases.ts';
import { createSheetReader } from './modules/import/import.reader.ts';
import { createImportService } from './modules/import/import.usecases.ts';
import { createOfflineGateway, createOnlineGateway, type LineGateway } from './modules/line/line.gateway.ts';
import { createLiffAuth } from './modules/liff-api/liff.auth.ts';
import { createLiffService } from './modules/liff-api/liff.usecases.ts';
import { createLineBot } from './modules/line/line.module.ts';
import { createBatchMemo } from './modules/line/webhook/batch-memo.ts';
import { forgettingAssignmentWrites, sharedAssignmentReads } from './modules/line/webhook/batch-reads.ts';
import { createNotifier } from './modules/notifications/notifier.ts';
import { forgetSimulatedIds } from './modules/line/linking/simulated-ids.ts';
import { createOfficersRepository } from './modules/org/officers.repository.ts';
import { createOfficersService } from './modules/org/officers.usecases.ts';
import { createOrgDeletionRepository } from './modules/org/org-delete.repository.ts';
import { createOrgDeletion } from './modules/org/org-delete.usecases.ts';
import { createOrgRepository } from './modules/org/org.repository.ts';
import { createOrgService } from './modules/org/org.usecases.ts';
import { createRemindersService } from './modules/reminders/reminders.usecases.ts';
import { forecastMonth } from './modules/reminders/forecast.ts';
import { createDeliveryService } from './modules/delivery/delivery.usecases.ts';
import { createDeliveriesService } from './modules/delivery/deliveries.usecases.ts';
import { createReplyRiders } from './modules/delivery/reply-riders.ts';
import { msg } from './messages/index.ts';
import { createReportsRepository } from './modules/reports/reports.repository.ts';
import { createReportsService } from './modules/reports/reports.usecases.ts';
import { createSummaryExtras } from './modules/reports/summary-extras.ts';
import { createRolloverRepository } from './modules/rollover/rollover.repository.ts';
import { createRolloverService } from './modules/rollover/rollover.usecases.ts';
import { createLinksRepository } from './modules/links/links.repository.ts';
import { createLinksService } from './modules/links/links.usecases.ts';
import { createBrokenLinkNotifier } from './modules/links/notify.ts';
import { createProber } from './modules/links/probe.ts';
import { createPublicPageRepository } from './modules/public-page/public-page.repository.ts';
import { createPublicPageService } from './modules/public-page/public-page.usecases.ts';
import type { Clock } from './shared/clock.ts';

/** The one composition root: every service is built here from the database, clock and config. */
export function createContainer({ config, database, clock, log }: { config: Config; database: Database; clock: Clock; log?: (line: string) => void }) {
  const { db } = database;
  const line: LineGateway = config.line.offline
    ? createOfflineGateway({ db, clock, log })
    : createOnlineGateway({ db, clock, channelAccessToken: config.line.channelAccessToken!, baseURL: config.line.apiBaseUrl });
  const audit = createAuditLog({ clock });
  // Catalogs: a corrected version moves the workflow's open items (imports block below).
  const catalog = createCatalogService({ repo: createCatalogRepository(db), audit, clock, openStatuses: OPEN_STATUSES, ticks: createTickStore() });
  const orgRepo = createOrgRepository(db);
  const orgs = createOrgService({ db, repo: orgRepo, audit });
  // `org delete`: an organization and everything of it, refused when real people worked in it.
  const orgDeletion = createOrgDeletion({ db, repo: createOrgDeletionRepository(db), orgRepo, audit });
  const auth = createAuthService({ db, audit });
  const cycles = createCyclesService({ db, repo: createCyclesRepository(db), catalog, audit });
  // Every change to an assignment tells the people it concerns, in the same transaction (notifications/notifier.ts).
  const onChanged = createNotifier({ db, config });
  const orgDomains = async (orgId: number) => (await orgRepo.byId(orgId))?.websiteDomains ?? [];
  const auditRepo = createAuditRepository(db);
  // Reads shared by the events of one inbox batch (assignments here, the sender's officer, group
  // and cycle in the LINE bot), made once per batch; outside a batch, every time (batch-reads.ts).
  const batchMemo = createBatchMemo();
  const assignmentsRepo = createAssignmentsRepository(db);
  const assignments = forgettingAssignmentWrites(createAssignmentsService({ db, repo: sharedAssignmentReads(assignmentsRepo, db, batchMemo), audit, auditRepo, clock, orgDomains, onChanged }), batchMemo);
  // The admin's corrections (due dates, people, transfers, removal, officers): audited, permission-checked, notified.
  const corrections = createAssignmentsAdmin({ db, repo: assignmentsRepo, admin: createAssignmentsAdminRepository(), audit, clock, onChanged });
  // Reading the audit log (admin API, CLI): admins only.
  const auditReader = createAuditReader({ repo: auditRepo, assignments, orgRepo });
  const officers = createOfficersService({ db, repo: createOfficersRepository(db), orgRepo, audit });
  // Imports (sheets and catalogs): files are read in worker threads, two at a time.
  const sheetReader = createSheetReader();
  const aliases = createAliasService({ db, audit });
  const orgName = async (orgId: number) => (await orgRepo.byId(orgId))?.name ?? '';
  const imports = createImportService({ db, catalog, cycles, aliases, audit, clock, orgName, reader: sheetReader, maxRows: config.imports.maxRows });
  const catalogImport = createCatalogImport({ catalog, reader: sheetReader, maxRows: config.imports.maxRows });
  // Reports (issue 11): link health first, the chat and the daily summary show it.
  const linksRepo = createLinksRepository(db);
  const links = createLinksService({
    db, repo: linksRepo, cycles, config, clock,
    prober: createProber({ allowHosts: config.links.allowHosts, timeoutMs: config.links.timeoutMs }),
    notify: createBrokenLinkNotifier({ db, config, repo: linksRepo }),
  });
  // Today's unsent reminder (and a hold notice to an admin) rides on the free reply to someone's message.
  const riders = createReplyRiders({ db, m: msg(config.defaultLang) });
  const lineBot = createLineBot({ db, clock, config, line, audit, orgRepo, assignments, cycles, catalog, linkHealth: links.healthOf, riders, memo: batchMemo, log });
  // The month's LINE message budget: LINE's quota, our own cap, the forecast and the hold (delivery/).
  const delivery = createDeliveryService({ db, line, config, clock, forecast: (now) => forecastMonth(db, config, now), log });
  const reminders = createRemindersService({ db, line, config, audit, clock, delivery, log, summaryExtras: createSummaryExtras({ config, clock, links: linksRepo }) });
  const deliveries = createDeliveriesService({ db, clock, m: msg(config.defaultLang), orgRepo, delivery, drain: (now) => reminders.drain(now) });
  // The LIFF page: ID tokens verified with LINE Login (online), development tokens offline.
  const idTokens = config.line.loginChannelId
    ? createIdTokenVerifier({ apiBaseUrl: config.line.apiBaseUrl, channelId: config.line.loginChannelId, clock })
    : undefined;
  const liffAuth = createLiffAuth({ verifier: idTokens, officers: orgRepo, devTokens: config.line.offline, clock });
  const liff = createLiffService({ assignments, cycles, catalog, orgRepo, clock, linkHealth: links.healthOf, deliveries });
  // Reports (issue 11): exports, chart, public page, rollover.
  const reportsRepo = createReportsRepository(db);
  const reports = createReportsService({ repo: reportsRepo, catalog, cycles, orgRepo, clock, db });
  const publicPage = createPublicPageService({ db, repo: createPublicPageRepository(db), reports: reportsRepo, catalog, cycles, orgRepo, audit, clock });
  const rollover = createRolloverService({ db, repo: createRolloverRepository(db), catalog, cycles, audit, clock });
  return { config, database, clock, line, audit, auditReader, catalog, catalogImport, aliases, orgRepo, orgs, orgDeletion, auth, cycles, assignments, corrections, officers, imports, lineBot, reminders, delivery, deliveries, liffAuth, liff, reports, rollover, links, publicPage };
}

export type Container = ReturnType<typeof createContainer>;

/** Start-up work every entry point needs: migrations, the built-in catalogs, and (online) forgetting simulated LINE ids. */
export async function prepareDatabase(c: Container) {
  await c.database.migrate();
  const catalogs = await c.catalog.loadBuiltIn();
  // With LINE credentials: LINE ids the offline simulator made up are nobody's, forget them.
  if (!c.config.line.offline) await forgetSimulatedIds({ db: c.database.db, repo: c.lineBot.linkingRepo, audit: c.audit });
  return catalogs;
}
