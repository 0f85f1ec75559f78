import { integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One NACC catalog per fiscal year (BE), e.g. 2568 with O1–O28: which version is current.
 * A year's catalog is built in (data/ita-<year>.json) or imported by an admin (catalog import).
 */
export const catalogs = pgTable('catalogs', {
  year: integer('year').primaryKey(),
  /** Of the current version (kept for readers that predate versions). */
  itemCount: integer('item_count').notNull(),
  source: text('source').notNull(),
  /** Hash of the current version's content: reloading identical data is a no-op. */
  contentHash: text('content_hash').notNull(),
  currentVersion: integer('current_version').notNull().default(1),
  /** 'builtin' or 'imported': start-up never replaces an imported catalog with the built-in one. */
  origin: text('origin').notNull().default('builtin'),
});

/**
 * Every version of a year's catalog. A version no assignment uses is corrected in place; once one
 * is used, a correction becomes a new version: open items move to it, closed ones keep the
 * version they were approved on (a correction never rewrites history).
 */
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    year: integer('year').notNull().references(() => catalogs.year),
    version: integer('version').notNull(),
    origin: text('origin').notNull(),
    source: text('source').notNull(),
    contentHash: text('content_hash').notNull(),
    itemCount: integer('item_count').notNull(),
    /** "cli", "token:3", "system" (built-in). */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);

export const catalogSubIndicators = pgTable(
  'catalog_sub_indicators',
  {
    year: integer('year').notNull().references(() => catalogs.year),
    version: integer('version').notNull().default(1),
    code: text('code').notNull(),
    indicator: integer('indicator').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version, t.code] })],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull().references(() => catalogs.year),
    version: integer('version').notNull().default(1),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    indicator: integer('indicator').notNull(),
    subIndicator: text('sub_indicator').notNull(),
    groupTitle: text('group_title').notNull(),
    title: text('title').notNull(),
    components: jsonb('components').$type<string[]>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull(),
    scoring: text('scoring'),
    dataPeriod: text('data_period'),
  },
  (t) => [uniqueIndex('catalog_items_year_version_number').on(t.year, t.version, t.number)],
);
