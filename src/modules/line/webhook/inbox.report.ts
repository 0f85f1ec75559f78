import type { Messages } from '../../../messages/index.ts';
import type { InboxHealth } from './inbox.health.ts';

/** The `inbox` command's text: the same figures as /healthz's `inbox`, in the CLI's language. */
export function inboxReport(h: InboxHealth, m: Messages): string {
  const t = m.cli.inbox;
  const lines = [t.title(h.status === 'ok')];
  if (h.waitingEvents === 0) lines.push(`  ${t.none}`);
  else {
    lines.push(`  ${t.waiting(h.waitingEvents, h.unsplitRequests, h.capped)}`);
    if (h.oldestWaitingSeconds !== null) lines.push(`  ${t.oldest(h.oldestWaitingSeconds)}`);
    if (h.reasons.includes('stale')) lines.push(`  ${t.stale(h.staleAfterSeconds)}`);
  }
  if (h.setAsideRequests > 0) lines.push(`  ${t.setAside(h.setAsideRequests)}`);
  if (h.failedEventsLast24h > 0) lines.push(`  ${t.failed(h.failedEventsLast24h)}`);
  return lines.join('\n');
}
