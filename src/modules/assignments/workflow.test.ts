import { describe, expect, it } from 'vitest';
import { allowedActions, nextStatus, RULES, STATUSES, WORKFLOW_ACTIONS } from './workflow.ts';

describe('status workflow', () => {
  const legal: Array<[string, string, string]> = [
    ['not_started', 'start', 'in_progress'],
    ['returned', 'start', 'in_progress'],
    ['not_started', 'submit', 'submitted'],
    ['in_progress', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['approved', 'return', 'returned'],
    ['not_applicable', 'return', 'returned'],
    ['not_started', 'mark_not_applicable', 'not_applicable'],
    ['in_progress', 'mark_not_applicable', 'not_applicable'],
    ['returned', 'mark_not_applicable', 'not_applicable'],
    ['approved', 'reopen', 'in_progress'],
    ['not_applicable', 'reopen', 'in_progress'],
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    const r = nextStatus(from as never, action as never, { note: 'เหตุผล', evidenceCount: 1 });
    expect(r.to).toBe(to);
  });

  it('rejects every transition not in the table with ILLEGAL_TRANSITION', () => {
    let rejected = 0;
    for (const from of STATUSES) {
      for (const action of WORKFLOW_ACTIONS) {
        if (legal.some(([f, a]) => f === from && a === action)) continue;
        expect(() => nextStatus(from, action, { note: 'x', evidenceCount: 1 })).toThrowError(
          expect.objectContaining({ code: 'ILLEGAL_TRANSITION', status: 409 }),
        );
        rejected++;
      }
    }
    expect(rejected).toBe(STATUSES.length * WORKFLOW_ACTIONS.length - legal.length);
  });

  it('the table of rules and the legal list agree', () => {
    const fromRules = WORKFLOW_ACTIONS.flatMap((a) => RULES[a].from.map((f) => `${f}:${a}:${RULES[a].to}`)).sort();
    expect(fromRules).toEqual(legal.map(([f, a, t]) => `${f}:${a}:${t}`).sort());
  });

  it('returning needs a comment and keeps it', () => {
    expect(() => nextStatus('submitted', 'return', { note: '  ', evidenceCount: 1 })).toThrowError(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(nextStatus('submitted', 'return', { note: 'ลิงก์เสีย', evidenceCount: 1 }).note).toBe('ลิงก์เสีย');
  });

  it('not applicable needs a reason', () => {
    expect(() => nextStatus('in_progress', 'mark_not_applicable', { evidenceCount: 0 })).toThrowError(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(nextStatus('in_progress', 'mark_not_applicable', { note: 'ไม่มี เนื่องจากไม่มีโครงการ', evidenceCount: 0 }).to).toBe('not_applicable');
  });

  it('submitting without evidence fails', () => {
    expect(() => nextStatus('in_progress', 'submit', { evidenceCount: 0 })).toThrowError(expect.objectContaining({ code: 'EVIDENCE_REQUIRED' }));
  });

  it('lists the actions allowed from a status', () => {
    expect(allowedActions('submitted').sort()).toEqual(['approve', 'return']);
    expect(allowedActions('approved').sort()).toEqual(['reopen', 'return']);
  });
});
