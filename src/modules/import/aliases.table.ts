import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from '../org/org.table.ts';

/**
 * Names an organization confirmed mean the same unit or officer as another ("ก.ย.ยุทธศาสตร์ฯ" is
 * "กง.ยุทธศาสตร์ฯ"): imports read the alias as its target. The target need not exist yet (both
 * names may first appear in the same sheet). Written by `unit alias` / `officer alias`, the admin
 * API and an aliases sheet; audited.
 */
export const nameAliases = pgTable(
  'name_aliases',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    /** 'unit' or 'officer'. */
    kind: text('kind').notNull(),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
    target: text('target').notNull(),
    targetKey: text('target_key').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('name_aliases_org_kind_key').on(t.orgId, t.kind, t.aliasKey), index('name_aliases_org').on(t.orgId)],
);
