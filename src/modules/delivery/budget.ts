/**
 * Spending the month's LINE messages where they matter (issue 12).
 *
 * LINE meters every push per recipient (a group's members each count; replies are free:
 * https://developers.line.biz/en/docs/messaging-api/pricing/), and a Thai OA plan allows few a
 * month. When the forecast for the rest of the month is over what is left, the planner cuts back
 * one step at a time, least important first, and keeps, in order: review requests and returns,
 * escalations, reminders due within 3 days, overdue reminders, earlier reminders, summaries.
 *
 *   full                 everything the policy says
 *   merge                a person's reminder goes inside their daily summary (one push, not two)
 *   weekly               summaries once a week (the week's first working day), reminders merged that day
 *   no_summaries         no summaries (each dropped one is recorded)
 *   no_early_reminders   …and no reminders whose items are all due in more than 3 days
 *   no_overdue_reminders …and none about items only overdue
 *   escalations_only     …and no reminders at all
 *   reviews_only         …and no escalations: review requests, returns and alerts only
 *
 * The level is the first whose forecast fits the budget left. Nothing is dropped silently: every
 * planned message that is merged or dropped keeps its outbox row with the reason (the delivery log).
 */
export const LEVELS = ['full', 'merge', 'weekly', 'no_summaries', 'no_early_reminders', 'no_overdue_reminders', 'escalations_only', 'reviews_only'] as const;
export type Level = (typeof LEVELS)[number];

/** A reminder's class: its most urgent item (due within 3 days, overdue, or later). */
export type ReminderClass = 'soon' | 'overdue' | 'early';

/**
 * Outbox priority (lower goes first when the sender has little left): planner.ts and the notifier
 * set it per row. `notice`: what preparers are told for information (checked, certified, a
 * due-date change, put on or taken off an item), after the reminders; a return or a reopening
 * asks for work, so it goes with the review requests.
 */
export const PRIORITY = { review: 0, escalation: 1, soon: 2, overdue: 3, early: 4, notice: 4, summary: 5 } as const;

/** Informational notices go while summaries do; from `no_summaries` on they are dropped, recorded (the item's page says the same). */
export function keepsNotices(level: Level): boolean {
  return index(level) < index('no_summaries');
}

/** Days before the due date that make a reminder urgent ("due within 3 days"). */
export const SOON_DAYS = 3;

/**
 * What the planner would send for the rest of the month, aggregated: one line per organization,
 * day and kind (and, for reminders, class and whether the person also gets a summary that day;
 * for summaries, whether the day is the organization's weekly-summary day).
 */
export type ForecastLine = {
  orgId: number;
  day: string;
  kind: 'reminder' | 'escalation' | 'summary' | 'review_request' | 'planned';
  cls?: ReminderClass;
  alsoSummary?: boolean;
  weeklyDay?: boolean;
  /** Messages (pushes) and what they cost (recipients). */
  n: number;
  cost: number;
};

const index = (l: Level) => LEVELS.indexOf(l);

export function keepsReminder(level: Level, cls: ReminderClass): boolean {
  const i = index(level);
  if (i >= index('escalations_only')) return false;
  if (i >= index('no_overdue_reminders')) return cls === 'soon';
  if (i >= index('no_early_reminders')) return cls !== 'early';
  return true;
}

export const keepsEscalations = (level: Level) => index(level) < index('reviews_only');

/** Summaries go that day: every working day up to `merge`, the weekly day under `weekly`, never beyond. */
export function keepsSummary(level: Level, weeklyDay: boolean): boolean {
  const i = index(level);
  if (i >= index('no_summaries')) return false;
  return i < index('weekly') || weeklyDay;
}

/** A reminder rides inside the person's summary when summaries go that day and the level merges. */
export function mergesIntoSummary(level: Level, weeklyDay: boolean): boolean {
  return index(level) >= index('merge') && keepsSummary(level, weeklyDay);
}

/** What a forecast line costs at `level` (0 when dropped or merged). */
export function lineCost(line: ForecastLine, level: Level): number {
  switch (line.kind) {
    case 'review_request':
    case 'planned':
      return line.cost;
    case 'escalation':
      return keepsEscalations(level) ? line.cost : 0;
    case 'summary':
      return keepsSummary(level, Boolean(line.weeklyDay)) ? line.cost : 0;
    case 'reminder':
      if (!keepsReminder(level, line.cls ?? 'early')) return 0;
      return line.alsoSummary && mergesIntoSummary(level, Boolean(line.weeklyDay)) ? 0 : line.cost;
  }
}

export const totalCost = (lines: ForecastLine[], level: Level) => lines.reduce((s, l) => s + lineCost(l, level), 0);

/** The first level whose forecast fits what is left (`remaining` null: no budget, everything goes). */
export function chooseLevel(lines: ForecastLine[], remaining: number | null): Level {
  if (remaining === null) return 'full';
  return LEVELS.find((l) => totalCost(lines, l) <= remaining) ?? 'reviews_only';
}

/** The first day on which the cumulative cost at `level` passes `remaining`, or null when it lasts the month. */
export function runsOutOn(lines: ForecastLine[], level: Level, remaining: number | null): string | null {
  if (remaining === null) return null;
  const perDay = new Map<string, number>();
  for (const l of lines) perDay.set(l.day, (perDay.get(l.day) ?? 0) + lineCost(l, level));
  let sum = 0;
  for (const day of [...perDay.keys()].sort()) {
    sum += perDay.get(day)!;
    if (sum > remaining) return day;
  }
  return null;
}

/** Cost at `level`, by kind and by organization: what `quota` prints. */
export function breakdown(lines: ForecastLine[], level: Level) {
  const byKind: Record<string, number> = {};
  const byOrg = new Map<number, number>();
  for (const l of lines) {
    const c = lineCost(l, level);
    if (!c) continue;
    const kind = l.kind === 'reminder' ? `reminder_${l.cls}` : l.kind;
    byKind[kind] = (byKind[kind] ?? 0) + c;
    byOrg.set(l.orgId, (byOrg.get(l.orgId) ?? 0) + c);
  }
  return { byKind, byOrg };
}
