import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { liffUrl } from '../line/liff-url.ts';
import { createOutboxRepository } from '../reminders/outbox.repository.ts';
import { outboxRow } from '../reminders/planner.ts';
import { effectivePolicy, loadPolicySet } from '../reminders/policies.ts';
import { localTime, nextSendTime } from '../reminders/policy.ts';
import type { LinkToCheck, LinksRepository } from './links.repository.ts';
import type { ProbeResult } from './probe.ts';

export const LINK_BROKEN = 'link_broken';

/**
 * "ลิงก์หลักฐาน O12 เปิดไม่ได้": written to the outbox in the same transaction as the health row
 * that marks the link notified, so each breakage is told once (a crash writes neither), in the
 * organization's next send window like a review request.
 */
export function createBrokenLinkNotifier({ db, config, repo }: { db: Db; config: Config; repo: Pick<LinksRepository, 'preparers'> }) {
  const outbox = createOutboxRepository(db);
  const m = msg(config.defaultLang);
  return async function notify(tx: Db, orgId: number, link: LinkToCheck, result: ProbeResult, at: Date): Promise<number> {
    const people = await repo.preparers(tx, orgId, link.assignmentId);
    if (!people.length) return 0;
    const set = await loadPolicySet(tx, config, orgId);
    const { policy, holidays } = effectivePolicy(set, orgId, link.cycleId);
    const sendAt = nextSendTime(at, policy, holidays) ?? at;
    const localDate = localTime(sendAt).date;
    const t = m.reports.links;
    const text = t.brokenNotice(link.itemCode, link.itemTitle, link.unitName, link.url, t.stateLabel(result.state, result.httpStatus), liffUrl(config, link.assignmentId));
    const messages: LineMessage[] = [{ type: 'text', text } as LineMessage];
    const rows = people.map((p) => ({
      ...outboxRow({ kind: LINK_BROKEN, orgId, recipient: p.lineUserId!, officerId: p.officerId, localDate, messages, now: at }),
      dedupeKey: `${LINK_BROKEN}:${orgId}:${p.lineUserId}:${link.evidenceId}:${at.toISOString()}`,
      nextAttemptAt: sendAt,
    }));
    return outbox.insert(tx, rows);
  };
}

export type BrokenLinkNotifier = ReturnType<typeof createBrokenLinkNotifier>;
