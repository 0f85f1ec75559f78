import { describe, expect, it } from 'vitest';
import { cliActor, type Actor } from './actor.ts';
import { assertCan, can, isAdmin } from './permissions.ts';

const officer = (officerId: number, orgId = 1, isAdmin = false): Actor => ({ kind: 'officer', orgId, officerId, isAdmin });
const people = [
  { officerId: 1, role: 'preparer' as const },
  { officerId: 2, role: 'supervisor' as const },
  { officerId: 3, role: 'certifier' as const },
  { officerId: 4, role: 'preparer' as const },
  { officerId: 4, role: 'supervisor' as const },
];
const target = { orgId: 1, people };

describe('permissions', () => {
  it('a preparer changes only assignments they are on', () => {
    for (const a of ['start', 'submit', 'mark_not_applicable', 'add_evidence'] as const) {
      expect(can(officer(1), a, target)).toBe(true);
      expect(can(officer(9), a, target)).toBe(false);
    }
  });

  it('a preparer cannot approve or return', () => {
    expect(can(officer(1), 'approve', target)).toBe(false);
    expect(can(officer(1), 'return', target)).toBe(false);
  });

  it('a supervisor or certifier approves and returns what they supervise', () => {
    for (const id of [2, 3]) {
      expect(can(officer(id), 'approve', target)).toBe(true);
      expect(can(officer(id), 'return', target)).toBe(true);
      expect(can(officer(id), 'reopen', target)).toBe(true);
    }
    expect(can(officer(2), 'approve', { orgId: 1, people: [] })).toBe(false);
  });

  it('a supervisor does not do the preparer’s work', () => {
    expect(can(officer(2), 'submit', target)).toBe(false);
    expect(can(officer(2), 'add_evidence', target)).toBe(false);
  });

  it('an officer cannot approve an item they also prepare', () => {
    expect(can(officer(4), 'approve', target)).toBe(false);
    expect(can(officer(4), 'submit', target)).toBe(true);
  });

  it('an organization admin does everything within their organization only', () => {
    const admins: Actor[] = [officer(99, 1, true), { kind: 'admin', orgId: 1, ref: 'token:1' }];
    for (const a of admins) {
      expect(can(a, 'approve', target)).toBe(true);
      expect(can(a, 'import', { orgId: 1 })).toBe(true);
      expect(can(a, 'approve', { ...target, orgId: 2 })).toBe(false);
      expect(can(a, 'view', { orgId: 2 })).toBe(false);
    }
  });

  it('any member may view their own organization, nobody another one', () => {
    expect(can(officer(9), 'view', { orgId: 1 })).toBe(true);
    expect(can(officer(9), 'view', { orgId: 2 })).toBe(false);
    expect(can(officer(9), 'import', { orgId: 1 })).toBe(false);
  });

  it('an unlinked member of a registered LINE group may only view their organization', () => {
    const group: Actor = { kind: 'group', orgId: 1, groupId: 'C1' };
    expect(can(group, 'view', target)).toBe(true);
    for (const a of ['start', 'submit', 'mark_not_applicable', 'add_evidence', 'approve', 'return', 'reopen', 'import', 'manage', 'snooze'] as const) {
      expect(can(group, a, target), a).toBe(false);
    }
    expect(can(group, 'view', { orgId: 2 })).toBe(false);
    expect(isAdmin(group)).toBe(false);
    expect(() => assertCan(group, 'approve', target)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('the people on an assignment may snooze its reminders, nobody else', () => {
    for (const id of [1, 2, 3, 4]) expect(can(officer(id), 'snooze', target), String(id)).toBe(true);
    expect(can(officer(9), 'snooze', target)).toBe(false);
    expect(can(officer(1), 'snooze', { orgId: 2, people })).toBe(false);
  });

  it('only an organization admin manages (link codes, unlinking)', () => {
    expect(can(officer(1), 'manage', { orgId: 1 })).toBe(false);
    expect(can(officer(99, 1, true), 'manage', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'manage', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'manage', { orgId: 2 })).toBe(false);
  });
});
