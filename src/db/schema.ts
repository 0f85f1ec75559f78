/** Every table, for drizzle-kit and the typed client. */
export * from '../modules/org/org.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/catalog/catalog.table.ts';
export * from '../modules/cycles/cycles.table.ts';
export * from '../modules/assignments/assignments.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/audit/applied-events.table.ts';
export * from '../modules/line/line.table.ts';
export * from '../modules/reminders/reminders.table.ts';
export * from '../modules/rollover/rollover.table.ts';
export * from '../modules/links/links.table.ts';
export * from '../modules/public-page/public-page.table.ts';
export * from '../modules/reports/chart-shares.table.ts';
export * from '../modules/delivery/delivery.table.ts';
export * from '../modules/import/aliases.table.ts';
