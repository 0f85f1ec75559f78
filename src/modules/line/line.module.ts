import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AssignmentsService } from '../assignments/assignments.usecases.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import { createChatActions } from './chat/chat.actions.ts';
import { createTypedActions } from './chat/chat.typed.ts';
import { createChatViews, type LinkHealthOf } from './chat/chat.views.ts';
import { createLineEventHandler } from './chat/chat.events.ts';
import { createInboxRepository } from './webhook/inbox.repository.ts';
import { createBatchMemo, type BatchMemo } from './webhook/batch-memo.ts';
import { forgetAssignmentReads } from './webhook/batch-reads.ts';
import type { ReplyRiders } from './webhook/inbox.types.ts';
import { createInboxHealth } from './webhook/inbox.health.ts';
import { createInboxWorker } from './webhook/inbox.worker.ts';
import type { LineGateway } from './line.gateway.ts';
import { liffUrlFor } from './liff-url.ts';
import { createLinkingRepository } from './linking/linking.repository.ts';
import { createLinkingService } from './linking/linking.usecases.ts';
import { createResponder } from './webhook/responder.ts';
import { createSnoozeService } from './chat/snooze.ts';
import { createReplayAnswers } from './chat/chat.replay.ts';
import { createAppliedEventsRepository } from '../audit/applied-events.repository.ts';

type Deps = {
  db: Db;
  clock: Clock;
  config: Config;
  line: LineGateway;
  audit: AuditLog;
  orgRepo: OrgRepository;
  assignments: AssignmentsService;
  cycles: CyclesService;
  catalog: CatalogService;
  /** Evidence link health (links module), shown in the item detail. */
  linkHealth?: LinkHealthOf;
  /** What rides on a free reply (delivery/reply-riders.ts): today's unsent reminder, a notice to an admin. */
  riders?: ReplyRiders;
  /** Reads shared by one inbox batch's events (batch-memo.ts), shared with the container's other services. */
  memo?: BatchMemo;
  log?: (line: string) => void;
};

/** The LINE bot's services, wired once in the container. */
export function createLineBot(d: Deps) {
  const m = msg(d.config.defaultLang);
  const liffUrl = liffUrlFor(d.config);
  const linkingRepo = createLinkingRepository(d.db);
  // The sender's officer, group and the organization's cycle, loaded once per inbox batch (batch-memo.ts).
  const memo = d.memo ?? createBatchMemo();
  const repo: typeof linkingRepo = {
    ...linkingRepo,
    officersByLineUser: (u) => memo.get(`officer:${u}`, () => linkingRepo.officersByLineUser(u)),
    activeGroup: (g) => memo.get(`group:${g}`, () => linkingRepo.activeGroup(g)),
    setReachable: async (u, r) => { try { return await linkingRepo.setReachable(u, r); } finally { memo.forget(`officer:${u}`); forgetAssignmentReads(memo); } },
    deactivateGroup: async (g) => { memo.forget(`group:${g}`); return linkingRepo.deactivateGroup(g); },
  };
  const cycles: typeof d.cycles = { ...d.cycles, latest: (orgId) => memo.get(`cycle:${orgId}`, () => d.cycles.latest(orgId)) };
  const linkingService = createLinkingService({ db: d.db, repo: linkingRepo, orgRepo: d.orgRepo, audit: d.audit, clock: d.clock });
  // Linking changes who a LINE user or group is: a later event of the same batch must see it.
  const linking: typeof linkingService = {
    ...linkingService,
    redeemOfficerCode: async (u, code, e) => { try { return await linkingService.redeemOfficerCode(u, code, e); } finally { memo.forget(`officer:${u}`); forgetAssignmentReads(memo); } },
    redeemGroupCode: async (g, u, code, e) => { try { return await linkingService.redeemGroupCode(g, u, code, e); } finally { memo.forget(`group:${g}`); } },
    setGroupDailySummary: async (a, g, on) => { try { return await linkingService.setGroupDailySummary(a, g, on); } finally { memo.forget(`group:${g}`); } },
  };
  const snoozes = createSnoozeService({ db: d.db, assignments: d.assignments, audit: d.audit, clock: d.clock });
  const views = createChatViews({ assignments: d.assignments, cycles, catalog: d.catalog, clock: d.clock, m, liffUrl, linkHealth: d.linkHealth });
  const actions = createChatActions({ assignments: d.assignments, cycles, snoozes, views, m, liffUrl, liffEnabled: Boolean(d.config.line.liffId) });
  const typed = createTypedActions({ assignments: d.assignments, cycles, views, actions, m });
  const respond = createResponder({ gateway: d.line, clock: d.clock });
  const replay = createReplayAnswers({ repo, assignments: d.assignments, views, m });
  const handle = createLineEventHandler({ repo, linking, views, actions, typed, applied: createAppliedEventsRepository(d.db), replay, m });
  const inbox = createInboxRepository(d.db, { log: (text) => (d.log ?? console.error)(text) });
  const worker = createInboxWorker({
    repo: inbox,
    transaction: (fn) => d.db.transaction((tx) => fn(tx as unknown as Db)),
    clock: d.clock,
    handle,
    respond,
    riders: d.riders,
    memo,
    // Every sender of the batch (1:1 users and group members) in one statement, not one per source.
    prime: async (events) => {
      const ids = [...new Set(events.map((e) => (e as { source?: { userId?: unknown } } | null)?.source?.userId).filter((u): u is string => typeof u === 'string'))];
      for (const [u, list] of await linkingRepo.officersByLineUsers(ids)) memo.prime(`officer:${u}`, list);
    },
    retentionMs: d.config.inbox.retentionDays * 86_400_000,
    afterBatch: () => d.line.flushLog(),
    // Never the event itself: it holds people's messages.
    log: (text, err) => (d.log ?? console.error)(`${text}${err instanceof Error ? `: ${err.message}` : ''}`),
  });
  const inboxHealth = createInboxHealth({ repo: inbox, clock: d.clock, staleSeconds: d.config.inbox.staleSeconds, workerEnabled: d.config.inbox.workerEnabled });
  return { inbox, worker, inboxHealth, linking: linkingService, linkingRepo, snoozes, views, actions, liffUrl };
}

export type LineBot = ReturnType<typeof createLineBot>;
