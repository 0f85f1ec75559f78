import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const organizations = pgTable('organizations', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  websiteDomains: text('website_domains').array().notNull().default(sql`'{}'::text[]`),
  /** 2: a supervisor checks, then a certifier certifies (workflow.ts); 1: the first reviewer's decision is final. */
  reviewSteps: integer('review_steps').notNull().default(2),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    /** Spacing- and case-insensitive form of the name; how imports find an existing unit. */
    nameKey: text('name_key').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    parentId: integer('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_org_name_key').on(t.orgId, t.nameKey)],
);

export const officers = pgTable(
  'officers',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    /** Name without honorific or whitespace: "น.ส. สมศรี ใจดี" and "นางสาวสมศรี ใจดี" are one person. */
    nameKey: text('name_key').notNull(),
    position: text('position'),
    unitId: integer('unit_id').references(() => units.id),
    lineUserId: text('line_user_id'),
    /** False after the officer blocks/unfollows the bot: reminders go to their supervisor. */
    reachable: boolean('reachable').notNull().default(true),
    isAdmin: boolean('is_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('officers_org_name_key').on(t.orgId, t.nameKey),
    uniqueIndex('officers_org_line_user').on(t.orgId, t.lineUserId),
    index('officers_line_user').on(t.lineUserId),
  ],
);
