import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from './db.ts';
import type { Db } from '../../src/db/client.ts';
import { assignmentPeople, assignments, auditLog, cycles, officers, organizations, units } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createAuditLog } from '../../src/modules/audit/audit.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { OPEN_STATUSES } from '../../src/modules/assignments/workflow.ts';
import { createCatalogRepository } from '../../src/modules/catalog/catalog.repository.ts';
import { createTickStore } from '../../src/modules/catalog/catalog.ticks.ts';
import { createCatalogService } from '../../src/modules/catalog/catalog.usecases.ts';
import { createCyclesRepository } from '../../src/modules/cycles/cycles.repository.ts';
import { createCyclesService } from '../../src/modules/cycles/cycles.usecases.ts';
import { createAliasService } from '../../src/modules/import/aliases.usecases.ts';
import { createImportService } from '../../src/modules/import/import.usecases.ts';
import { toCsv } from '../../src/modules/import/template.ts';

/** A migrated database with the built-in catalogs, one organization and the import service. */
export async function setupImport() {
  const database = await createTestDatabase();
  const { db } = database;
  const clock = fixedClock('2025-01-15T03:00:00Z');
  const audit = createAuditLog({ clock });
  const catalog = createCatalogService({ repo: createCatalogRepository(db), audit, clock, openStatuses: OPEN_STATUSES, ticks: createTickStore() });
  await catalog.loadBuiltIn();
  const cyclesService = createCyclesService({ db, repo: createCyclesRepository(db), catalog, audit });
  const aliases = createAliasService({ db, audit });
  const orgName = async (id: number) => (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id)))[0]?.name ?? '';
  const imports = createImportService({ db, catalog, cycles: cyclesService, aliases, audit, clock, orgName });
  let n = 0;
  async function createOrg(name = 'สำนักงานจังหวัดตัวอย่าง'): Promise<Actor> {
    n += 1;
    const [org] = await db.insert(organizations).values({ slug: `org-${n}-${Date.now()}`, name }).returning();
    return { kind: 'admin', orgId: org!.id, ref: 'test' };
  }
  return { database, db, imports, catalog, cycles: cyclesService, aliases, orgName, audit, clock, createOrg };
}

export const csvBytes = (rows: string[][]) => new TextEncoder().encode(toCsv(rows));

/** Row counts of one organization's tables (audit rows included). */
export async function countsFor(db: Db, orgId: number) {
  const c = async (table: typeof units | typeof officers | typeof assignments | typeof assignmentPeople | typeof auditLog | typeof cycles) => {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId));
    return row!.n;
  };
  return {
    units: await c(units),
    officers: await c(officers),
    assignments: await c(assignments),
    people: await c(assignmentPeople),
    audit: await c(auditLog),
    cycles: await c(cycles),
  };
}

export const TH_HEADERS = ['ข้อ', 'หน่วยงาน', 'หลัก/ร่วม', 'ชื่อ-สกุล', 'ตำแหน่ง', 'บทบาท', 'กำหนดส่ง', 'line_user_id'];
export const EN_HEADERS = ['item', 'unit', 'responsibility', 'officer', 'position', 'role', 'due', 'line_user_id'];
