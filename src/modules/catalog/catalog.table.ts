import { integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** One NACC catalog per fiscal year (BE), e.g. 2568 with O1–O28. */
export const catalogs = pgTable('catalogs', {
  year: integer('year').primaryKey(),
  itemCount: integer('item_count').notNull(),
  source: text('source').notNull(),
  /** Hash of the data file it was loaded from: reloading identical data is a no-op. */
  contentHash: text('content_hash').notNull(),
});

export const catalogSubIndicators = pgTable(
  'catalog_sub_indicators',
  {
    year: integer('year').notNull().references(() => catalogs.year),
    code: text('code').notNull(),
    indicator: integer('indicator').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.code] })],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull().references(() => catalogs.year),
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
  (t) => [uniqueIndex('catalog_items_year_number').on(t.year, t.number)],
);
