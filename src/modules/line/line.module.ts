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
import { createInboxWorker } from './webhook/inbox.worker.ts';
import type { LineGateway } from './line.gateway.ts';
import { liffUrlFor } from './liff-url.ts';
import { createLinkingRepository } from './linking/linking.repository.ts';
import { createLinkingService } from './linking/linking.usecases.ts';
import { createResponder } from './webhook/responder.ts';
import { createSnoozeService } from './chat/snooze.ts';

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
  log?: (line: string) => void;
};

/** The LINE bot's services, wired once in the container. */
export function createLineBot(d: Deps) {
  const m = msg(d.config.defaultLang);
  const liffUrl = liffUrlFor(d.config);
  const repo = createLinkingRepository(d.db);
  const linking = createLinkingService({ db: d.db, repo, orgRepo: d.orgRepo, audit: d.audit, clock: d.clock });
  const snoozes = createSnoozeService({ db: d.db, assignments: d.assignments, clock: d.clock });
  const views = createChatViews({ assignments: d.assignments, cycles: d.cycles, catalog: d.catalog, clock: d.clock, m, liffUrl, linkHealth: d.linkHealth });
  const actions = createChatActions({ assignments: d.assignments, cycles: d.cycles, snoozes, views, m, liffUrl, liffEnabled: Boolean(d.config.line.liffId) });
  const typed = createTypedActions({ assignments: d.assignments, cycles: d.cycles, views, actions, m });
  const respond = createResponder({ gateway: d.line, clock: d.clock });
  const handle = createLineEventHandler({ repo, linking, views, actions, typed, respond, m });
  const inbox = createInboxRepository(d.db);
  const worker = createInboxWorker({
    repo: inbox,
    clock: d.clock,
    handle,
    // Never the event itself: it holds people's messages.
    log: (text, err) => (d.log ?? console.error)(`${text}${err instanceof Error ? `: ${err.message}` : ''}`),
  });
  return { inbox, worker, linking, linkingRepo: repo, snoozes, views, actions, liffUrl };
}

export type LineBot = ReturnType<typeof createLineBot>;
