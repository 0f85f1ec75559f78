import { z } from 'zod';
import { PREPARER_OPEN_STATUSES, type Status } from '../assignments/workflow.ts';

/**
 * The reminder policy, as pure functions of (policy, local date/time, holidays, due date, status).
 * Everything the planner decides comes from here; the planner only turns it into SQL.
 *
 * Rules:
 * - Nothing is planned on a non-working day (weekday not in `workdays`, or a holiday) or outside
 *   the send window [start, end) local time.
 * - Offset N: a reminder on the day N calendar days before the due date; when that day is not a
 *   working day the reminder moves EARLIER to the previous working day (a "1 day left" falling on
 *   Sunday is worth more on Friday than on Monday). Several offsets landing on the same working
 *   day give one reminder, reported as the smallest offset.
 * - Overdue: the k-th working day after the due date gets overdue repeat k, for k = 1 … cap.
 * - Escalation: on the working day the item becomes `escalationAfterDays` working days overdue,
 *   the assignment's supervisors are told (once; the daily summary keeps listing it afterwards).
 * - Only items the preparer still has to act on (PREPARER_OPEN_STATUSES) are reminded/escalated.
 */
export type ReminderPolicy = Readonly<{
  offsets: readonly number[];
  overdueRepeatCap: number;
  window: Readonly<{ start: string; end: string }>;
  workdays: readonly number[];
  escalationAfterDays: number;
  summaryTime: string;
}>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** What an organization or a cycle may override (stored in reminder_policies.policy). */
export const policyOverrideSchema = z
  .object({
    offsets: z.array(z.number().int().min(0).max(366)).min(1).max(20),
    overdueRepeatCap: z.number().int().min(0).max(366),
    window: z.object({ start: hhmm, end: hhmm }).refine((w) => minutesOf(w.start) < minutesOf(w.end), 'start must be before end'),
    workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    escalationAfterDays: z.number().int().min(1).max(366),
    summaryTime: hhmm,
  })
  .partial()
  .strict();
export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

export function mergePolicy(base: ReminderPolicy, ...overrides: Array<PolicyOverride | null | undefined>): ReminderPolicy {
  let p: ReminderPolicy = base;
  for (const o of overrides) if (o) p = { ...p, ...o };
  return { ...p, offsets: [...new Set(p.offsets)].sort((a, b) => b - a) };
}

export function minutesOf(hm: string): number {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Asia/Bangkok is UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

export type LocalTime = { date: string; minutes: number; weekday: number };

/** Local date (ISO), minutes after midnight and ISO weekday (1 = Monday … 7 = Sunday) in Bangkok. */
export function localTime(at: Date): LocalTime {
  const d = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const day = d.getUTCDay();
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: day === 0 ? 7 : day };
}

export function addDays(isoDate: string, n: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function weekdayOf(isoDate: string): number {
  const d = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export type Holidays = ReadonlySet<string>;

export function isWorkingDay(isoDate: string, policy: ReminderPolicy, holidays: Holidays): boolean {
  return policy.workdays.includes(weekdayOf(isoDate)) && !holidays.has(isoDate);
}

/** Inside the send window: start inclusive, end exclusive (08:29 no, 08:30 yes, 17:30 no). */
export function inSendWindow(minutes: number, policy: ReminderPolicy): boolean {
  return minutes >= minutesOf(policy.window.start) && minutes < minutesOf(policy.window.end);
}

// A year of non-working days in a row cannot happen with at least one workday; the bound only
// guards against a policy whose every day is a holiday.
const MAX_SCAN_DAYS = 732;

export function previousWorkingDayOnOrBefore(isoDate: string, policy: ReminderPolicy, holidays: Holidays): string | null {
  let d = isoDate;
  for (let i = 0; i < MAX_SCAN_DAYS; i++, d = addDays(d, -1)) if (isWorkingDay(d, policy, holidays)) return d;
  return null;
}

/** Working days d with from < d ≤ to. */
export function workingDaysAfter(from: string, to: string, policy: ReminderPolicy, holidays: Holidays): number {
  let n = 0;
  for (let d = addDays(from, 1), i = 0; d <= to && i < MAX_SCAN_DAYS; d = addDays(d, 1), i++) if (isWorkingDay(d, policy, holidays)) n++;
  return n;
}

/** Reminders may be planned now: a working day, inside the send window. */
export function remindersDueAt(at: Date, policy: ReminderPolicy, holidays: Holidays): boolean {
  const t = localTime(at);
  return isWorkingDay(t.date, policy, holidays) && inSendWindow(t.minutes, policy);
}

/** The moment `minutes` after local midnight of `isoDate` in Bangkok. */
export function atLocalTime(isoDate: string, minutes: number): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + minutes * 60_000 - BANGKOK_OFFSET_MS);
}

/**
 * When a message prompted by an event at `at` may go out: `at` itself inside the send window of a
 * working day, otherwise the start of the next one (a submission at 22:00 Friday pings the
 * reviewer at 08:30 Monday, not at night). Null only for a policy without any working day.
 */
export function nextSendTime(at: Date, policy: ReminderPolicy, holidays: Holidays): Date | null {
  if (remindersDueAt(at, policy, holidays)) return at;
  const t = localTime(at);
  const start = minutesOf(policy.window.start);
  let d = t.minutes < start ? t.date : addDays(t.date, 1);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, d = addDays(d, 1)) if (isWorkingDay(d, policy, holidays)) return atLocalTime(d, start);
  return null;
}

/** The daily summary may be planned now: a working day, at or after summaryTime, before the window ends. */
export function summaryDueAt(at: Date, policy: ReminderPolicy, holidays: Holidays): boolean {
  const t = localTime(at);
  return isWorkingDay(t.date, policy, holidays) && t.minutes >= minutesOf(policy.summaryTime) && t.minutes < minutesOf(policy.window.end);
}

export type ReminderReason =
  | { kind: 'before'; offset: number; daysLeft: number }
  | { kind: 'overdue'; repeat: number; daysOverdue: number };

export type ItemDay = { policy: ReminderPolicy; today: string; holidays: Holidays; dueOn: string; status?: Status };

/** Why the preparer gets a reminder about this item today, or null. */
export function reminderReason({ policy, today, holidays, dueOn, status }: ItemDay): ReminderReason | null {
  if (status && !PREPARER_OPEN_STATUSES.includes(status)) return null;
  if (!isWorkingDay(today, policy, holidays)) return null;
  const daysLeft = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (daysLeft >= 0) {
    const ascending = [...policy.offsets].sort((a, b) => a - b);
    for (const offset of ascending) {
      if (offset > daysLeft) continue; // that milestone is already past
      const milestone = addDays(dueOn, -offset);
      if (previousWorkingDayOnOrBefore(milestone, policy, holidays) === today) return { kind: 'before', offset, daysLeft };
    }
    return null;
  }
  const repeat = workingDaysAfter(dueOn, today, policy, holidays);
  return repeat >= 1 && repeat <= policy.overdueRepeatCap ? { kind: 'overdue', repeat, daysOverdue: -daysLeft } : null;
}

/** Today is the escalation day for this item: exactly escalationAfterDays working days overdue. */
export function escalationDue({ policy, today, holidays, dueOn, status }: ItemDay): boolean {
  if (status && !PREPARER_OPEN_STATUSES.includes(status)) return false;
  if (!isWorkingDay(today, policy, holidays) || dueOn >= today) return false;
  return workingDaysAfter(dueOn, today, policy, holidays) === policy.escalationAfterDays;
}

export type DueDateRule = { dueOn: string; reason: ReminderReason | null; escalate: boolean };

/**
 * Every due date that means something today, by the two functions above: the planner joins
 * assignments on this short table instead of evaluating the policy per row (300,000 rows).
 */
export function dueDateRules(policy: ReminderPolicy, today: string, holidays: Holidays): DueDateRule[] {
  if (!isWorkingDay(today, policy, holidays)) return [];
  const maxOffset = Math.max(0, ...policy.offsets);
  const back = Math.max(policy.overdueRepeatCap, policy.escalationAfterDays);
  let lower = today;
  for (let seen = 0, i = 0; seen <= back && i < MAX_SCAN_DAYS; i++) {
    lower = addDays(lower, -1);
    if (isWorkingDay(lower, policy, holidays)) seen++;
  }
  // An offset milestone moves at most back to today, so its due date is before the next working day + maxOffset.
  let next = addDays(today, 1);
  for (let i = 0; i < MAX_SCAN_DAYS && !isWorkingDay(next, policy, holidays); i++) next = addDays(next, 1);
  const upper = addDays(next, maxOffset);
  const rules: DueDateRule[] = [];
  for (let dueOn = lower; dueOn <= upper; dueOn = addDays(dueOn, 1)) {
    const day = { policy, today, holidays, dueOn };
    const reason = reminderReason(day);
    const escalate = escalationDue(day);
    if (reason || escalate) rules.push({ dueOn, reason, escalate });
  }
  return rules;
}
