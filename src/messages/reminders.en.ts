import type { remindersTh } from './reminders.th.ts';

/** English texts of reminders and summaries; same keys as reminders.th.ts. */
export const remindersEn: typeof remindersTh = {
  reminderAlt: (n) => `ITA reminder: ${n} item(s) need your action`,
  reminderTitle: (n) => `ITA items to do (${n})`,
  escalationAlt: (n) => `ITA follow-up: ${n} item(s)`,
  escalationTitle: (n) => `Items to follow up (${n})`,
  due: (date) => `Due ${date}`,
  daysLeft: (n) => (n === 0 ? 'due today' : n === 1 ? 'due tomorrow' : `${n} days left`),
  overdue: (n) => `${n} day(s) overdue`,
  escalated: (n) => `${n} day(s) overdue, not submitted`,
  unreachable: (names) => `Preparer not reachable on LINE: ${names}`,
  preparers: (names) => `Preparer: ${names}`,
  open: 'Open',
  snooze: 'Snooze 1 day',
  more: (n) => `and ${n} more`,
  viewAll: 'View all',
  summaryAlt: (date, pct) => `ITA summary ${date}: ${pct}% approved`,
  summaryTitle: (date) => `ITA daily summary, ${date}`,
  scopeOrg: 'Whole organization',
  scopeMine: 'Items you supervise or certify',
  approvedPct: (pct, approved, total) => `${pct}% approved (${approved}/${total})`,
  changesHeading: 'Changes since the last summary',
  noChanges: 'No changes',
  firstSummary: 'First summary',
  change: (code, from, to) => `${code}: ${from} → ${to}`,
  added: (code, to) => `${code}: (new) ${to}`,
  overdueHeading: (n) => `${n} overdue`,
  overdueLine: (code, date, status) => `${code} due ${date} · ${status}`,
  adminAlert: (recipient, error) =>
    `An ITA message to ${recipient} could not be delivered (${error}). They may have blocked the bot or never added it; please contact them directly.`,
};
