import type { PermissionTarget } from '../auth/permissions.ts';
import type { AssignmentRow, Person } from './assignments.repository.ts';

/** What permissions.ts needs to know about one assignment: its people, who submitted it and (while it waits for certification) who checked it. */
export function permissionTarget(orgId: number, row: Pick<AssignmentRow, 'status' | 'statusBy' | 'submittedBy'>, people: ReadonlyArray<Pick<Person, 'officerId' | 'role'>>): PermissionTarget {
  return {
    orgId,
    people,
    submittedBy: row.submittedBy,
    checkedBy: row.status === 'checked' ? row.statusBy : null,
  };
}
