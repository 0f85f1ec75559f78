import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

const dialect = new PgDialect();

/**
 * A raw statement run as a named prepared statement, its parameters given as `sql.placeholder(…)`
 * values at each call. Unnamed, postgres.js sends a statement in two round trips (Parse + Describe,
 * wait for the parameter types, then Bind + Execute) and PostgreSQL parses and plans it each time;
 * prepared, a repeat is one round trip (Bind + Execute) and PostgreSQL reuses the parsed statement
 * (postgres.js keeps one per connection). prepare-all.ts does that for every statement unless
 * DATABASE_PREPARED_STATEMENTS=false; the hot statements made here are prepared either way, and
 * their SQL text is built once, not rendered again at each call. On PGlite (one process, no wire)
 * it simply runs the query.
 * This is the same call drizzle's own `.prepare(name)` makes for its query builders.
 */
export function preparedStatement(db: Db, name: string, query: SQL) {
  const statement = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  return (values: Record<string, unknown>) => statement.execute(values);
}
