import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import {
  addDays, dueDateRules, escalationDue, inSendWindow, isWorkingDay, localTime, mergePolicy, minutesOf, nextSendTime, policyOverrideSchema,
  reminderReason, remindersDueAt, summaryDueAt, workingDaysAfter, type ReminderPolicy,
} from './policy.ts';

const policy: ReminderPolicy = loadConfig({}).reminders;
const none = new Set<string>();
// January 2025: Mon 13, Tue 14, Wed 15, Thu 16, Fri 17, Sat 18, Sun 19, Mon 20.
const WED = '2025-01-15';
const reason = (today: string, dueOn: string, holidays = none, p = policy) => reminderReason({ policy: p, today, holidays, dueOn });

describe('policy defaults from config', () => {
  it('are 14/7/3/1/0 days, 08:30–17:30 Monday–Friday, escalation after 3, summary at 08:30', () => {
    expect(policy.offsets).toEqual([14, 7, 3, 1, 0]);
    expect(policy.window).toEqual({ start: '08:30', end: '17:30' });
    expect(policy.workdays).toEqual([1, 2, 3, 4, 5]);
    expect(policy.escalationAfterDays).toBe(3);
    expect(policy.summaryTime).toBe('08:30');
    expect(policy.overdueRepeatCap).toBe(10);
  });
  it('reads holidays and other settings from the environment', () => {
    const r = loadConfig({ HOLIDAYS: '2025-04-14, 2025-04-15', REMINDER_OFFSETS: '2,5', REMINDER_WINDOW: '09:00-16:00' }).reminders;
    expect(r.holidays).toEqual(['2025-04-14', '2025-04-15']);
    expect(r.offsets).toEqual([5, 2]);
    expect(r.window).toEqual({ start: '09:00', end: '16:00' });
    expect(() => loadConfig({ REMINDER_WINDOW: '8:30' })).toThrow(/REMINDER_WINDOW/);
  });
});

describe('local time in Bangkok', () => {
  it('is UTC+7 with ISO weekday', () => {
    expect(localTime(new Date('2025-01-15T01:30:00Z'))).toEqual({ date: WED, minutes: 8 * 60 + 30, weekday: 3 });
    expect(localTime(new Date('2025-01-17T17:00:00Z')).date).toBe('2025-01-18'); // Friday 17:00 UTC = Saturday 00:00
  });
});

describe('send window', () => {
  it('opens at 08:30 (08:29 is too early) and closes at 17:30 (17:29 is the last minute)', () => {
    expect(inSendWindow(minutesOf('08:29'), policy)).toBe(false);
    expect(inSendWindow(minutesOf('08:30'), policy)).toBe(true);
    expect(inSendWindow(minutesOf('17:29'), policy)).toBe(true);
    expect(inSendWindow(minutesOf('17:30'), policy)).toBe(false);
  });
  it('plans reminders only on working days inside the window', () => {
    expect(remindersDueAt(new Date('2025-01-15T01:29:00+00:00'), policy, none)).toBe(false); // Wed 08:29
    expect(remindersDueAt(new Date('2025-01-15T01:30:00Z'), policy, none)).toBe(true); // Wed 08:30
    expect(remindersDueAt(new Date('2025-01-15T10:30:00Z'), policy, none)).toBe(false); // Wed 17:30
    expect(remindersDueAt(new Date('2025-01-18T03:00:00Z'), policy, none)).toBe(false); // Sat 10:00
    expect(remindersDueAt(new Date('2025-01-15T03:00:00Z'), policy, new Set([WED]))).toBe(false); // holiday
  });
  it('plans the summary from summaryTime until the window closes', () => {
    expect(summaryDueAt(new Date('2025-01-15T01:29:00Z'), policy, none)).toBe(false);
    expect(summaryDueAt(new Date('2025-01-15T01:30:00Z'), policy, none)).toBe(true);
    expect(summaryDueAt(new Date('2025-01-15T10:30:00Z'), policy, none)).toBe(false);
    expect(summaryDueAt(new Date('2025-01-19T01:30:00Z'), policy, none)).toBe(false); // Sunday
  });
});

describe('working days', () => {
  it('skip weekends and holidays', () => {
    expect(isWorkingDay('2025-01-17', policy, none)).toBe(true);
    expect(isWorkingDay('2025-01-18', policy, none)).toBe(false);
    expect(isWorkingDay('2025-01-19', policy, none)).toBe(false);
    expect(isWorkingDay(WED, policy, new Set([WED]))).toBe(false);
    expect(workingDaysAfter('2025-01-16', '2025-01-20', policy, none)).toBe(2); // Fri, Mon
    expect(workingDaysAfter('2025-01-16', '2025-01-20', policy, new Set(['2025-01-17']))).toBe(1);
  });
  it('follow a custom work week', () => {
    const sixDays = mergePolicy(policy, { workdays: [1, 2, 3, 4, 5, 6] });
    expect(isWorkingDay('2025-01-18', sixDays, none)).toBe(true);
  });
});

describe('reminders before the due date', () => {
  it.each([14, 7, 3, 1, 0])('fires on offset %i days on a working day', (offset) => {
    expect(reason(WED, addDays(WED, offset))).toEqual({ kind: 'before', offset, daysLeft: offset });
  });
  it.each([2, 4, 5, 6, 8, 13, 15])('stays quiet %i days before (not an offset)', (days) => {
    expect(reason(WED, addDays(WED, days))).toBeNull();
  });
  it('moves a milestone on a weekend to the Friday before', () => {
    // Due Monday 20: offset 1 is Sunday, offset 3 Friday → one reminder on Friday (smallest offset).
    expect(reason('2025-01-17', '2025-01-20')).toEqual({ kind: 'before', offset: 1, daysLeft: 3 });
    expect(reason('2025-01-20', '2025-01-20')).toEqual({ kind: 'before', offset: 0, daysLeft: 0 });
    // Due Saturday 18: offset 0 and 1 land on Friday and Saturday → Friday says offset 0.
    expect(reason('2025-01-17', '2025-01-18')).toEqual({ kind: 'before', offset: 0, daysLeft: 1 });
  });
  it('moves a milestone on a holiday to the working day before', () => {
    const holidays = new Set(['2025-01-16']); // Thursday
    expect(reason(WED, '2025-01-17', holidays)).toEqual({ kind: 'before', offset: 1, daysLeft: 2 });
    expect(reason('2025-01-16', '2025-01-17', holidays)).toBeNull();
  });
  it('sends nothing on weekends and holidays', () => {
    expect(reason('2025-01-18', '2025-01-18')).toBeNull();
    expect(reason(WED, WED, new Set([WED]))).toBeNull();
  });
  it('uses the offsets of an organization override', () => {
    const p = mergePolicy(policy, { offsets: [5] });
    expect(reason(WED, addDays(WED, 5), none, p)).toEqual({ kind: 'before', offset: 5, daysLeft: 5 });
    expect(reason(WED, addDays(WED, 7), none, p)).toBeNull();
  });
  it('ignores items the preparer no longer has to act on', () => {
    for (const status of ['submitted', 'approved', 'not_applicable'] as const) {
      expect(reminderReason({ policy, today: WED, holidays: none, dueOn: WED, status })).toBeNull();
    }
    expect(reminderReason({ policy, today: WED, holidays: none, dueOn: WED, status: 'returned' })).not.toBeNull();
  });
});

describe('overdue repeats and escalation', () => {
  it('repeats every working day while overdue, counting working days', () => {
    expect(reason('2025-01-16', WED)).toEqual({ kind: 'overdue', repeat: 1, daysOverdue: 1 });
    expect(reason('2025-01-17', WED)).toEqual({ kind: 'overdue', repeat: 2, daysOverdue: 2 });
    expect(reason('2025-01-18', WED)).toBeNull(); // Saturday
    expect(reason('2025-01-20', WED)).toEqual({ kind: 'overdue', repeat: 3, daysOverdue: 5 });
  });
  it('stops after the cap', () => {
    const p = mergePolicy(policy, { overdueRepeatCap: 2 });
    expect(reason('2025-01-17', WED, none, p)).toEqual({ kind: 'overdue', repeat: 2, daysOverdue: 2 });
    expect(reason('2025-01-20', WED, none, p)).toBeNull();
    expect(reason('2025-01-29', WED)).toEqual({ kind: 'overdue', repeat: 10, daysOverdue: 14 });
    expect(reason('2025-01-30', WED)).toBeNull(); // 11th working day > cap 10
  });
  it('escalates exactly on the third working day overdue', () => {
    const esc = (today: string, holidays = none) => escalationDue({ policy, today, holidays, dueOn: WED });
    expect(esc('2025-01-17')).toBe(false); // 2 working days
    expect(esc('2025-01-20')).toBe(true); // Mon: 3 working days (Thu, Fri, Mon)
    expect(esc('2025-01-21')).toBe(false);
    expect(esc('2025-01-20', new Set(['2025-01-16']))).toBe(false); // a holiday pushes it to Tuesday
    expect(esc('2025-01-21', new Set(['2025-01-16']))).toBe(true);
    expect(escalationDue({ policy, today: '2025-01-20', holidays: none, dueOn: WED, status: 'approved' })).toBe(false);
  });
});

describe('due-date table for the planner', () => {
  it('agrees with reminderReason/escalationDue for every due date around today', () => {
    const holidays = new Set(['2025-01-22', '2025-02-03']);
    for (const today of ['2025-01-15', '2025-01-17', '2025-01-20', '2025-01-23']) {
      const rules = new Map(dueDateRules(policy, today, holidays).map((r) => [r.dueOn, r]));
      for (let d = addDays(today, -60); d <= addDays(today, 60); d = addDays(d, 1)) {
        const expected = reminderReason({ policy, today, holidays, dueOn: d });
        const esc = escalationDue({ policy, today, holidays, dueOn: d });
        expect(rules.get(d)?.reason ?? null).toEqual(expected);
        expect(rules.get(d)?.escalate ?? false).toBe(esc);
      }
    }
  });
  it('is empty on a weekend', () => {
    expect(dueDateRules(policy, '2025-01-18', none)).toEqual([]);
  });
});

describe('policy overrides', () => {
  it('accept partial settings and reject unknown or malformed ones', () => {
    expect(policyOverrideSchema.parse({ offsets: [10, 2] })).toEqual({ offsets: [10, 2] });
    expect(policyOverrideSchema.safeParse({ window: { start: '18:00', end: '08:00' } }).success).toBe(false);
    expect(policyOverrideSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
  it('apply organization then cycle over the defaults', () => {
    const p = mergePolicy(policy, { offsets: [10], escalationAfterDays: 5 }, { escalationAfterDays: 2 });
    expect(p.offsets).toEqual([10]);
    expect(p.escalationAfterDays).toBe(2);
    expect(p.window).toEqual(policy.window);
  });
});

describe('next send time of an event-driven message', () => {
  const at = (iso: string) => nextSendTime(new Date(iso), policy, none)?.toISOString();
  it('is now inside the window of a working day', () => {
    expect(at('2025-01-15T03:00:00Z')).toBe('2025-01-15T03:00:00.000Z'); // Wed 10:00
  });
  it('is the window start of the same day before it opens', () => {
    expect(at('2025-01-15T00:00:00Z')).toBe('2025-01-15T01:30:00.000Z'); // Wed 07:00 → 08:30
  });
  it('is the next working day after it closes, skipping weekends and holidays', () => {
    expect(at('2025-01-15T10:30:00Z')).toBe('2025-01-16T01:30:00.000Z'); // Wed 17:30 (end excluded) → Thu 08:30
    expect(at('2025-01-17T14:00:00Z')).toBe('2025-01-20T01:30:00.000Z'); // Fri 21:00 → Mon 08:30
    expect(nextSendTime(new Date('2025-01-17T14:00:00Z'), policy, new Set(['2025-01-20']))?.toISOString()).toBe('2025-01-21T01:30:00.000Z');
  });
  it('follows an organization window', () => {
    const early = mergePolicy(policy, { window: { start: '07:00', end: '15:00' } });
    expect(nextSendTime(new Date('2025-01-15T08:30:00Z'), early, none)?.toISOString()).toBe('2025-01-16T00:00:00.000Z'); // Wed 15:30 → Thu 07:00
  });
});
