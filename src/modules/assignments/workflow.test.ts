import { describe, expect, it } from 'vitest';
import { allowedActions, FINAL_STATUSES, isFinal, nextStatus, OPEN_STATUSES, reviewPath, rulesFor, STATUSES, TWO_STEP, WORKFLOW_ACTIONS, type ReviewPath } from './workflow.ts';

const CHECK_ONLY: ReviewPath = { needsCheck: true, needsCertification: false };
const CERTIFY_ONLY: ReviewPath = { needsCheck: false, needsCertification: true };
const ONE_STEP: ReviewPath = { needsCheck: false, needsCertification: false };

/** Transitions every review path shares. */
const common: Array<[string, string, string]> = [
  ['not_started', 'start', 'in_progress'],
  ['returned', 'start', 'in_progress'],
  ['not_started', 'submit', 'submitted'],
  ['in_progress', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'return', 'returned'],
  ['checked', 'return', 'returned'],
  ['approved', 'return', 'returned'],
  ['not_applicable', 'return', 'returned'],
  ['not_started', 'mark_not_applicable', 'not_applicable'],
  ['in_progress', 'mark_not_applicable', 'not_applicable'],
  ['returned', 'mark_not_applicable', 'not_applicable'],
  ['approved', 'reopen', 'in_progress'],
  ['not_applicable', 'reopen', 'in_progress'],
];

/** Where check and approve lead on each path. */
const review: Array<[string, ReviewPath, Array<[string, string, string]>]> = [
  ['two steps (supervisor, then certifier)', TWO_STEP, [['submitted', 'check', 'checked'], ['checked', 'approve', 'approved']]],
  ['no certifier: the check is final', CHECK_ONLY, [['submitted', 'check', 'approved'], ['checked', 'approve', 'approved']]],
  ['no supervisor: the certifier certifies the submitted item', CERTIFY_ONLY, [['submitted', 'check', 'checked'], ['submitted', 'approve', 'approved'], ['checked', 'approve', 'approved']]],
  ['one-step review: the first decision is final', ONE_STEP, [['submitted', 'check', 'approved'], ['submitted', 'approve', 'approved'], ['checked', 'approve', 'approved']]],
];

describe.each(review)('status workflow, %s', (_name, path, steps) => {
  const legal = [...common, ...steps];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    const r = nextStatus(from as never, action as never, { note: 'เหตุผล', evidenceCount: 1, path });
    expect(r.to).toBe(to);
  });

  it('rejects every transition not in the table with ILLEGAL_TRANSITION', () => {
    let rejected = 0;
    for (const from of STATUSES) {
      for (const action of WORKFLOW_ACTIONS) {
        if (legal.some(([f, a]) => f === from && a === action)) continue;
        expect(() => nextStatus(from, action, { note: 'x', evidenceCount: 1, path })).toThrowError(
          expect.objectContaining({ code: 'ILLEGAL_TRANSITION', status: 409 }),
        );
        rejected++;
      }
    }
    expect(rejected).toBe(STATUSES.length * WORKFLOW_ACTIONS.length - legal.length);
  });

  it('the table of rules and the legal list agree', () => {
    const rules = rulesFor(path);
    const fromRules = WORKFLOW_ACTIONS.flatMap((a) => rules[a].from.map((f) => `${f}:${a}:${rules[a].to}`)).sort();
    expect(fromRules).toEqual(legal.map(([f, a, t]) => `${f}:${a}:${t}`).sort());
  });
});

describe('status workflow rules', () => {
  it('the review path follows the setting and who is on the assignment', () => {
    expect(reviewPath({ reviewSteps: 2, supervisors: 1, certifiers: 1 })).toEqual(TWO_STEP);
    expect(reviewPath({ reviewSteps: 2, supervisors: 2, certifiers: 0 })).toEqual(CHECK_ONLY);
    expect(reviewPath({ reviewSteps: 2, supervisors: 0, certifiers: 1 })).toEqual(CERTIFY_ONLY);
    expect(reviewPath({ reviewSteps: 1, supervisors: 1, certifiers: 1 })).toEqual(ONE_STEP);
  });

  it('returning needs a comment and keeps it, from every review state', () => {
    for (const from of ['submitted', 'checked', 'approved'] as const) {
      expect(() => nextStatus(from, 'return', { note: '  ', evidenceCount: 1 })).toThrowError(expect.objectContaining({ code: 'REASON_REQUIRED' }));
      expect(nextStatus(from, 'return', { note: 'ลิงก์เสีย', evidenceCount: 1 }).note).toBe('ลิงก์เสีย');
    }
  });

  it('checking and certifying keep no note', () => {
    expect(nextStatus('submitted', 'check', { note: 'ดีแล้ว', evidenceCount: 1 }).note).toBeNull();
    expect(nextStatus('checked', 'approve', { note: 'ดีแล้ว', evidenceCount: 1 }).note).toBeNull();
  });

  it('not applicable needs a reason', () => {
    expect(() => nextStatus('in_progress', 'mark_not_applicable', { evidenceCount: 0 })).toThrowError(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(nextStatus('in_progress', 'mark_not_applicable', { note: 'ไม่มี เนื่องจากไม่มีโครงการ', evidenceCount: 0 }).to).toBe('not_applicable');
  });

  it('submitting without evidence fails', () => {
    expect(() => nextStatus('in_progress', 'submit', { evidenceCount: 0 })).toThrowError(expect.objectContaining({ code: 'EVIDENCE_REQUIRED' }));
  });

  it('lists the actions allowed from a status on each path', () => {
    expect(allowedActions('submitted').sort()).toEqual(['check', 'return']);
    expect(allowedActions('checked').sort()).toEqual(['approve', 'return']);
    expect(allowedActions('submitted', ONE_STEP).sort()).toEqual(['approve', 'check', 'return']);
    expect(allowedActions('approved').sort()).toEqual(['reopen', 'return']);
  });

  it('final means certified or not applicable; everything else is open', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['approved', 'not_applicable']);
    expect(STATUSES.filter(isFinal).sort()).toEqual(['approved', 'not_applicable']);
    expect([...OPEN_STATUSES].sort()).toEqual(['checked', 'in_progress', 'not_started', 'returned', 'submitted']);
  });
});
