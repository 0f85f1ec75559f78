import { formatThaiDate } from '../shared/thai-date.ts';
import type { deliveryTh } from './delivery.th.ts';

export const deliveryEn: typeof deliveryTh = {
  kind: {
    reminder: 'reminder',
    escalation: 'escalation',
    summary: 'daily summary',
    review_request: 'review request',
    admin_alert: 'admin alert',
    notice: 'progress notice',
    test: 'test message',
  },
  level: {
    full: 'everything the policy says',
    merge: "a person's reminder goes inside their daily summary (one push, not two)",
    weekly: "summaries once a week (the week's first working day), reminders inside that day's summary",
    no_summaries: 'no summaries',
    no_early_reminders: 'no summaries, no reminders about items due in more than 3 days',
    no_overdue_reminders: 'no summaries, reminders only about items due within 3 days',
    escalations_only: 'review requests, returns and escalations only',
    reviews_only: 'review requests, returns and admin alerts only',
  },
  status: {
    pending: 'planned', sending: 'sending', sent: 'sent', merged: 'merged into another message', dropped: 'dropped (message budget)',
    failed: 'failed', expired: 'expired (not sent late)',
  },
  note: (note: string) => note,
  digest: {
    reviewAlt: (n: number) => `${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'} waiting for your review`,
  },
  cli: {
    quotaTitle: (month) => `LINE messages, ${month} (Asia/Bangkok)`,
    lineQuota: (limit, used, at) => `LINE account quota: ${limit === null ? 'no limit' : limit.toLocaleString('en-US')}, used ${used.toLocaleString('en-US')} (LINE, read ${at})`,
    lineUnknown: 'LINE account quota: not read (offline mode, or LINE did not answer)',
    setting: (n) => `own budget (LINE_MONTHLY_MESSAGE_BUDGET): ${n === null ? 'not set' : n.toLocaleString('en-US')}`,
    budget: (budget, used, remaining) =>
      budget === null ? `no budget; sent ${used.toLocaleString('en-US')}` : `budget in force: ${budget.toLocaleString('en-US')}, used ${used.toLocaleString('en-US')}, left ${(remaining ?? 0).toLocaleString('en-US')}`,
    forecast: (full, runsOut) => `forecast to the end of the month with the full policy: ${full.toLocaleString('en-US')}${runsOut ? ` (runs out on ${runsOut})` : ' (lasts the month)'}`,
    level: (level, text, atLevel, runsOut) => `this month's level: ${level} = ${text}; forecast ${atLevel.toLocaleString('en-US')}${runsOut ? ` (still short: runs out on ${runsOut})` : ''}`,
    byKind: 'by kind (full policy → at this level):',
    byOrg: 'by organization (full policy → at this level):',
    held: (reason, until) => `pushes held: ${reason === 'monthly_limit' ? "LINE's monthly limit reached" : 'own budget spent'}, until ${until}`,
    notHeld: 'sending: normal',
    resumed: 'pushes resumed',
    notResumed: 'pushes were not held',
    logTitle: (org, since) => `delivery log of ${org} since ${since}`,
    totals: 'totals:',
    none: '(nothing)',
    testSent: (name) => `test message to ${name}: accepted by LINE (ask them whether they see it)`,
    testOffline: (name) => `offline mode: the test message to ${name} was recorded for the simulator instead of sent`,
    testFailed: (name, why) => `test message to ${name} failed: ${why}`,
    testHeld: (name, until) => `test message to ${name} not sent: pushes are held until ${until} (the month's quota or budget is spent)`,
    testPending: (name, why) => `test message to ${name} not sent yet, it will be retried: ${why}`,
  },
  testMessage: (org, at) => `A test message from the ITA tracker of ${org} (${at}). If you can read this, LINE delivery works. No need to answer.`,
  heldNotice: (until, reason) =>
    `For admins: ${reason === 'monthly_limit' ? "the agency's LINE account has used up this month's messages" : "this month's LINE message budget is spent"}, ` +
    `so reminders and summaries are paused until ${until} and then resume by themselves (chat replies still work). ` +
    (reason === 'monthly_limit'
      ? 'To resume sooner, raise the plan or quota in LINE Official Account Manager and ask the server operator to run quota --resume.'
      : 'To resume sooner, ask the server operator to raise LINE_MONTHLY_MESSAGE_BUDGET and run quota --resume.'),
  expiredAlert: (n, days, kinds) =>
    `${n} ITA message(s) planned for ${days.map((d) => formatThaiDate(d)).join(', ')} could not be sent that day and were cancelled rather than sent late (${kinds}). ` +
    'LINE or this service was probably down. The `deliveries` command lists them; contact the people concerned if needed.',
};
