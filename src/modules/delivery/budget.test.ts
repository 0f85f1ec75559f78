import { describe, expect, it } from 'vitest';
import { chooseLevel, keepsReminder, lineCost, LEVELS, runsOutOn, totalCost, type ForecastLine } from './budget.ts';

const line = (l: Partial<ForecastLine> & Pick<ForecastLine, 'kind' | 'cost'>): ForecastLine => ({ orgId: 1, day: '2025-01-20', n: l.cost, ...l });

// One working day of a small organization: every kind, and a person who gets both a reminder and a summary.
const day: ForecastLine[] = [
  line({ kind: 'review_request', cost: 4 }),
  line({ kind: 'escalation', cost: 2 }),
  line({ kind: 'reminder', cls: 'soon', cost: 3 }),
  line({ kind: 'reminder', cls: 'soon', alsoSummary: true, cost: 1 }),
  line({ kind: 'reminder', cls: 'overdue', cost: 5 }),
  line({ kind: 'reminder', cls: 'early', cost: 6 }),
  line({ kind: 'summary', cost: 10, weeklyDay: false }),
];

describe('message budget levels', () => {
  it('cost falls with each level, in the order the issue asks: summaries, then earlier, overdue, urgent reminders, then escalations', () => {
    const costs = LEVELS.map((l) => totalCost(day, l));
    expect(costs).toEqual([31, 30, 21, 21, 15, 10, 6, 4]);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeLessThanOrEqual(costs[i - 1]!);
  });

  it('never drops review requests or what is already planned', () => {
    for (const l of LEVELS) {
      expect(lineCost(line({ kind: 'review_request', cost: 4 }), l)).toBe(4);
      expect(lineCost(line({ kind: 'planned', cost: 7 }), l)).toBe(7);
    }
  });

  it('merges a reminder into the summary only on a day the summary goes', () => {
    const both = line({ kind: 'reminder', cls: 'soon', alsoSummary: true, cost: 1, weeklyDay: false });
    expect(lineCost(both, 'full')).toBe(1);
    expect(lineCost(both, 'merge')).toBe(0);
    expect(lineCost(both, 'weekly')).toBe(1); // no summary today: the reminder goes alone
    expect(lineCost({ ...both, weeklyDay: true }, 'weekly')).toBe(0);
    expect(lineCost(both, 'no_summaries')).toBe(1);
  });

  it('keeps reminders by class as the budget tightens', () => {
    expect(['soon', 'overdue', 'early'].map((c) => keepsReminder('no_early_reminders', c as never))).toEqual([true, true, false]);
    expect(['soon', 'overdue', 'early'].map((c) => keepsReminder('no_overdue_reminders', c as never))).toEqual([true, false, false]);
    expect(['soon', 'overdue', 'early'].map((c) => keepsReminder('escalations_only', c as never))).toEqual([false, false, false]);
  });

  it('picks the first level that fits what is left, full without a budget', () => {
    expect(chooseLevel(day, null)).toBe('full');
    expect(chooseLevel(day, 31)).toBe('full');
    expect(chooseLevel(day, 30)).toBe('merge');
    expect(chooseLevel(day, 25)).toBe('weekly');
    expect(chooseLevel(day, 15)).toBe('no_early_reminders');
    expect(chooseLevel(day, 14)).toBe('no_overdue_reminders');
    expect(chooseLevel(day, 5)).toBe('reviews_only');
    expect(chooseLevel(day, 0)).toBe('reviews_only');
  });

  it('says on which day the budget runs out', () => {
    const month = [...day, ...day.map((l) => ({ ...l, day: '2025-01-21' })), ...day.map((l) => ({ ...l, day: '2025-01-22' }))];
    expect(runsOutOn(month, 'full', null)).toBeNull();
    expect(runsOutOn(month, 'full', 100)).toBeNull();
    expect(runsOutOn(month, 'full', 40)).toBe('2025-01-21');
    expect(runsOutOn(month, 'no_summaries', 50)).toBe('2025-01-22');
  });
});
