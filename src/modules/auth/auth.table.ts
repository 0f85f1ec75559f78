import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from '../org/org.table.ts';

/** Admin API tokens. Only a SHA-256 of the token is stored; the token is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => organizations.id),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** May load the deployment's catalogs (shared by every organization): `token create --catalogs`. */
    catalogs: boolean('catalogs').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_org').on(t.orgId)],
);
