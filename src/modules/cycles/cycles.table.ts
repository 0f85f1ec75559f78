import { date, integer, pgTable, serial, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogs } from '../catalog/catalog.table.ts';
import { organizations } from '../org/org.table.ts';

/** One organization's assessment in one fiscal year, on that year's catalog (or the one it pins). */
export const cycles = pgTable(
  'cycles',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    catalogYear: integer('catalog_year').notNull().references(() => catalogs.year),
    /** A version pinned by the organization; null follows the catalog's current version. */
    catalogVersion: integer('catalog_version'),
    /** The OIT submission window in ITAS; NACC moves it, so it is editable. */
    oitOpensOn: date('oit_opens_on'),
    oitClosesOn: date('oit_closes_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cycles_org_year').on(t.orgId, t.year)],
);
