import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { parseThaiDate } from '../../shared/thai-date.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import { readBuiltInMappings, type Mapping } from './rollover.data.ts';
import { planRollover, type PlanLine } from './rollover.plan.ts';
import type { RolloverRepository } from './rollover.repository.ts';

export type RolloverInput = { from: number; to: number; dryRun?: boolean; due?: string };

export type RolloverResult = {
  from: number;
  to: number;
  dryRun: boolean;
  cycleCreated: boolean;
  /** New assignments written; `kept` (item, unit) pairs the new year already had, left as they were. */
  created: number;
  kept: number;
  peopleAdded: number;
  hintsAdded: number;
  lines: Array<PlanLine & { title: string | null; fromTitles: string[] }>;
  sources: string[];
};

class DryRun extends Error {}

type Deps = {
  db: Db;
  repo: RolloverRepository;
  catalog: Pick<CatalogService, 'items' | 'itemsFor'>;
  cycles: Pick<CyclesService, 'find' | 'ensure'>;
  audit: AuditLog;
  clock: Clock;
  mappings?: () => Mapping[];
};

/**
 * Clones a year's assignments onto the next year's catalog through a shipped mapping: units,
 * people and roles carry over, statuses start again from not started, last year's evidence
 * becomes hints, due dates move by one year unless `due` is given. Never clobbers: an (item, unit)
 * the new year already has keeps its status, due date and evidence (only missing people and hints
 * are added), so running it twice changes nothing. A dry run computes the same in a transaction
 * it rolls back.
 */
export function createRolloverService({ db, repo, catalog, cycles, audit, clock, mappings = readBuiltInMappings }: Deps) {
  return {
    hints: (actor: Actor, assignmentId: number) => {
      assertCan(actor, 'view', { orgId: actor.orgId });
      return repo.hints(actor.orgId, assignmentId);
    },

    async rollover(actor: Actor, input: RolloverInput): Promise<RolloverResult> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const due = input.due === undefined ? undefined : parseThaiDate(input.due);
      if (due === null) throw errors.validation([{ path: 'due', message: `"${input.due}" ไม่ใช่วันที่ที่ถูกต้อง (ตัวอย่าง 31/03/2569)` }]);
      const source = await cycles.find(actor.orgId, input.from);
      if (!source) throw errors.notFound('cycle', input.from);
      const all = mappings();
      const mapping = all.find((m) => m.from === source.catalogYear && m.to === input.to);
      if (!mapping) throw errors.rolloverMappingMissing(source.catalogYear, input.to, all.map((m) => `${m.from}→${m.to}`));
      const [fromItems, toItems] = await Promise.all([catalog.itemsFor(source), catalog.items(input.to)]);
      const toId = new Map(toItems.map((i) => [i.code, i.id]));
      const titleOf = (items: typeof toItems, code: string) => items.find((i) => i.code === code)?.title ?? code;
      let result: RolloverResult | undefined;
      try {
        await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const { cycle, created: cycleCreated } = await cycles.ensure(tx, actor, input.to);
          const plan = planRollover(mapping, await repo.sourceAssignments(actor.orgId, source.id, tx), { due });
          const before = await repo.existing(tx, actor.orgId, cycle.id);
          const key = (itemId: number, unitId: number) => `${itemId}:${unitId}`;
          const ids = new Map(before.map((a) => [key(a.itemId, a.unitId), a.id]));
          const fresh = plan.targets.filter((a) => !ids.has(key(toId.get(a.itemCode)!, a.unitId)));
          const inserted = await repo.insertAssignments(tx, fresh.map((a) => ({
            orgId: actor.orgId, cycleId: cycle.id, itemId: toId.get(a.itemCode)!, unitId: a.unitId,
            responsibility: a.responsibility, dueOn: a.dueOn, status: 'not_started' as const, updatedAt: clock.now(),
          })));
          for (const a of inserted) ids.set(key(a.itemId, a.unitId), a.id);
          const idOf = (a: (typeof plan.targets)[number]) => ids.get(key(toId.get(a.itemCode)!, a.unitId))!;
          const peopleAdded = await repo.insertPeople(tx, plan.targets.flatMap((a) => a.people.map((p) => ({ assignmentId: idOf(a), officerId: p.officerId, role: p.role, orgId: actor.orgId }))));
          const hintsAdded = await repo.insertHints(tx, plan.targets.flatMap((a) => a.hints.map((h) => ({
            orgId: actor.orgId, assignmentId: idOf(a), url: h.url, label: h.label, fromYear: input.from, fromItemCode: h.fromItemCode, createdAt: clock.now(),
          }))));
          result = {
            from: input.from, to: input.to, dryRun: Boolean(input.dryRun), cycleCreated,
            created: inserted.length, kept: plan.targets.length - inserted.length, peopleAdded, hintsAdded,
            lines: plan.lines.map((l) => ({ ...l, title: l.to ? titleOf(toItems, l.to) : null, fromTitles: l.from.map((c) => titleOf(fromItems, c)) })),
            sources: mapping.sources,
          };
          const changed = inserted.length + peopleAdded + hintsAdded > 0 || cycleCreated;
          if (changed) {
            await audit.record(tx, actor, {
              action: 'cycle.rollover', entity: 'cycle', entityId: cycle.id,
              after: { from: input.from, to: input.to, due: due ?? null, created: inserted.length, kept: result.kept, peopleAdded, hintsAdded },
            });
          }
          if (input.dryRun) throw new DryRun();
        });
      } catch (e) {
        if (!(e instanceof DryRun)) throw e;
      }
      return result!;
    },
  };
}

export type RolloverService = ReturnType<typeof createRolloverService>;
