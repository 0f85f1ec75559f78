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

  it('a supervisor checks, a certifier certifies, and either returns or reopens what they review', () => {
    expect(can(officer(2), 'check', target)).toBe(true);
    expect(can(officer(2), 'approve', target)).toBe(false);
    expect(can(officer(3), 'approve', target)).toBe(true);
    expect(can(officer(3), 'check', target)).toBe(false);
    for (const id of [2, 3]) {
      expect(can(officer(id), 'return', target)).toBe(true);
      expect(can(officer(id), 'reopen', target)).toBe(true);
    }
    expect(can(officer(2), 'check', { orgId: 1, people: [] })).toBe(false);
    expect(can(officer(3), 'approve', { orgId: 1, people: [] })).toBe(false);
  });

  it('nobody checks or certifies what they prepared: not an admin who is the preparer, not the submitter, whatever kind of actor', () => {
    const adminPreparer = officer(1, 1, true);
    expect(can(adminPreparer, 'check', target)).toBe(false);
    expect(can(adminPreparer, 'approve', target)).toBe(false);
    // The same admin may still decide items they did not prepare, and do the rest on their own.
    expect(can(adminPreparer, 'approve', { orgId: 1, people: [{ officerId: 3, role: 'certifier' }] })).toBe(true);
    expect(can(adminPreparer, 'return', target)).toBe(true);
    expect(can(adminPreparer, 'submit', target)).toBe(true);
    // Whoever submitted (an admin token, the CLI, an admin officer not on the item) does not decide it.
    const token: Actor = { kind: 'admin', orgId: 1, ref: 'token:7' };
    const submittedByToken = { ...target, submittedBy: 'token:7' };
    expect(can(token, 'check', submittedByToken)).toBe(false);
    expect(can(token, 'approve', submittedByToken)).toBe(false);
    expect(can({ kind: 'admin', orgId: 1, ref: 'token:8' }, 'approve', submittedByToken)).toBe(true);
    expect(can(cliActor(1), 'check', { ...target, submittedBy: 'cli' })).toBe(false);
    expect(can(officer(99, 1, true), 'approve', { ...target, submittedBy: 'officer:99' })).toBe(false);
    expect(can(officer(2), 'check', { ...target, submittedBy: 'officer:2' })).toBe(false);
  });

  it('the certifier is not the one who checked: two steps are two people', () => {
    const both = { orgId: 1, people: [{ officerId: 5, role: 'supervisor' as const }, { officerId: 5, role: 'certifier' as const }] };
    expect(can(officer(5), 'check', both)).toBe(true);
    expect(can(officer(5), 'approve', { ...both, checkedBy: 'officer:5' })).toBe(false);
    expect(can(officer(5), 'approve', { ...both, checkedBy: 'officer:2' })).toBe(true);
    expect(can({ kind: 'admin', orgId: 1, ref: 'token:1' }, 'approve', { ...target, checkedBy: 'token:1' })).toBe(false);
    // Returning what one checked is no approval.
    expect(can(officer(5), 'return', { ...both, checkedBy: 'officer:5' })).toBe(true);
  });

  it('a supervisor does not do the preparer’s work', () => {
    expect(can(officer(2), 'submit', target)).toBe(false);
    expect(can(officer(2), 'add_evidence', target)).toBe(false);
  });

  it('an officer cannot check or approve an item they also prepare', () => {
    expect(can(officer(4), 'check', target)).toBe(false);
    expect(can(officer(4), 'approve', target)).toBe(false);
    expect(can(officer(4), 'submit', target)).toBe(true);
  });

  it('an organization admin does everything within their organization only', () => {
    const admins: Actor[] = [officer(99, 1, true), { kind: 'admin', orgId: 1, ref: 'token:1' }];
    for (const a of admins) {
      expect(can(a, 'check', target)).toBe(true);
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
    for (const a of ['start', 'submit', 'mark_not_applicable', 'add_evidence', 'check', 'approve', 'return', 'reopen', 'import', 'manage', 'configure', 'snooze'] as const) {
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

  it('only an organization admin configures the organization (one- or two-step review)', () => {
    for (const id of [1, 2, 3]) expect(can(officer(id), 'configure', { orgId: 1 })).toBe(false);
    expect(can(officer(99, 1, true), 'configure', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'configure', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'configure', { orgId: 2 })).toBe(false);
  });

  it('only an organization admin manages (link codes, unlinking)', () => {
    expect(can(officer(1), 'manage', { orgId: 1 })).toBe(false);
    expect(can(officer(99, 1, true), 'manage', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'manage', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'manage', { orgId: 2 })).toBe(false);
  });

  it('only the CLI deletes an organization, and only its own: not an admin token, not an admin officer', () => {
    expect(can(cliActor(1), 'delete_organization', { orgId: 1 })).toBe(true);
    expect(can(cliActor(1), 'delete_organization', { orgId: 2 })).toBe(false);
    expect(can({ kind: 'admin', orgId: 1, ref: 'token:7' }, 'delete_organization', { orgId: 1 })).toBe(false);
    expect(can(officer(99, 1, true), 'delete_organization', { orgId: 1 })).toBe(false);
    expect(can({ kind: 'system', orgId: 1, ref: 'scheduler' }, 'delete_organization', { orgId: 1 })).toBe(false);
  });
});
