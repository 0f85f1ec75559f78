import { date, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogItems } from '../catalog/catalog.table.ts';
import { cycles } from '../cycles/cycles.table.ts';
import { officers, organizations, units } from '../org/org.table.ts';

export const assignmentStatus = pgEnum('assignment_status', [
  'not_started', 'in_progress', 'submitted', 'checked', 'approved', 'returned', 'not_applicable',
]);
export const responsibility = pgEnum('responsibility', ['main', 'co']);
export const personRole = pgEnum('person_role', ['preparer', 'supervisor', 'certifier']);

/** A catalog item assigned to one unit in one cycle. */
export const assignments = pgTable(
  'assignments',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    itemId: integer('item_id').notNull().references(() => catalogItems.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
    responsibility: responsibility('responsibility').notNull().default('main'),
    dueOn: date('due_on'),
    status: assignmentStatus('status').notNull().default('not_started'),
    /** Return comment or the "none, because…" reason, whichever the last transition needed. */
    statusNote: text('status_note'),
    /** Actor ref (auth/actor.ts actorRef) of whoever made the last status change: "checked by …", stale cards. */
    statusBy: text('status_by'),
    /** Actor ref of the last submit: nobody checks or certifies what they submitted (permissions.ts). */
    submittedBy: text('submitted_by'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_cycle_item_unit').on(t.cycleId, t.itemId, t.unitId),
    index('assignments_org_status').on(t.orgId, t.status, t.dueOn),
  ],
);

export const assignmentPeople = pgTable(
  'assignment_people',
  {
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    role: personRole('role').notNull(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.officerId, t.role] }),
    index('assignment_people_officer').on(t.officerId, t.role),
  ],
);

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    label: text('label'),
    addedBy: text('added_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_links_assignment').on(t.assignmentId)],
);

/**
 * The catalog components a preparer has ticked as covered, per assignment. Keyed by the 0-based
 * position in the item's `components`; the text is kept too, so when a corrected catalog version
 * re-numbers an item's components the ticks can follow their text.
 */
export const componentTicks = pgTable(
  'component_ticks',
  {
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    componentIndex: integer('component_index').notNull(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    componentText: text('component_text').notNull(),
    tickedBy: text('ticked_by').notNull(),
    tickedAt: timestamp('ticked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.componentIndex] })],
);
