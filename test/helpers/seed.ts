import { and, eq } from 'drizzle-orm';
import type { Container } from '../../src/container.ts';
import { assignmentPeople, assignments, catalogItems, cycles, officers, organizations, units } from '../../src/db/schema.ts';
import { personKey, unitKey } from '../../src/shared/thai-text.ts';

type Role = 'preparer' | 'supervisor' | 'certifier';

export type SeedSpec = {
  slug: string;
  year?: number;
  units: string[];
  officers: Array<{ name: string; unit?: string; lineUserId?: string; isAdmin?: boolean; position?: string }>;
  /** item number, unit name, due date, people by name and role. */
  assignments: Array<{ item: number; unit: string; due?: string; status?: string; people: Array<[name: string, role: Role]> }>;
};

/** Inserts an organization with units, officers, a cycle and assignments directly (no import). */
export async function seedOrg(c: Container, spec: SeedSpec) {
  const db = c.database.db;
  const year = spec.year ?? 2568;
  const [org] = await db.insert(organizations).values({ slug: spec.slug, name: `Org ${spec.slug}`, websiteDomains: [`${spec.slug}.go.th`] }).returning();
  const unitIds = new Map<string, number>();
  for (const u of spec.units) {
    const [row] = await db.insert(units).values({ orgId: org!.id, name: u, nameKey: unitKey(u) }).returning();
    unitIds.set(u, row!.id);
  }
  const officerIds = new Map<string, number>();
  for (const o of spec.officers) {
    const [row] = await db
      .insert(officers)
      .values({
        orgId: org!.id,
        name: o.name,
        nameKey: personKey(o.name),
        position: o.position ?? null,
        unitId: o.unit ? unitIds.get(o.unit)! : null,
        lineUserId: o.lineUserId ?? null,
        isAdmin: o.isAdmin ?? false,
      })
      .returning();
    officerIds.set(o.name, row!.id);
  }
  const [cycle] = await db.insert(cycles).values({ orgId: org!.id, year, catalogYear: year }).returning();
  const assignmentIds: number[] = [];
  for (const a of spec.assignments) {
    const [item] = await db.select().from(catalogItems).where(and(eq(catalogItems.year, year), eq(catalogItems.number, a.item)));
    const [row] = await db
      .insert(assignments)
      .values({
        orgId: org!.id,
        cycleId: cycle!.id,
        itemId: item!.id,
        unitId: unitIds.get(a.unit)!,
        dueOn: a.due ?? null,
        status: (a.status ?? 'not_started') as never,
      })
      .returning();
    assignmentIds.push(row!.id);
    for (const [name, role] of a.people) {
      await db.insert(assignmentPeople).values({ assignmentId: row!.id, officerId: officerIds.get(name)!, role, orgId: org!.id });
    }
  }
  return { org: org!, cycle: cycle!, unitIds, officerIds, assignmentIds };
}
