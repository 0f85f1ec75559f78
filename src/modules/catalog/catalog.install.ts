import type { Db } from '../../db/client.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { diffCatalogs, remapTicks, type CatalogContent } from './catalog.content.ts';
import type { CatalogFile } from './catalog.data.ts';
import type { CatalogItem, CatalogRepository, Origin } from './catalog.repository.ts';

/**
 * The component ticks of assignments (the lead's component_ticks table), as the catalog needs
 * them: a corrected version moves ticks whose text is unchanged and drops the others.
 */
export type Tick = { assignmentId: number; index: number; text: string; orgId: number; tickedBy: string; tickedAt: Date };
export type TickStore = {
  list(tx: Db, assignmentIds: number[]): Promise<Tick[]>;
  /** Replaces an assignment's ticks by `rows` (the kept ones at their new positions). */
  replace(tx: Db, assignmentId: number, rows: Array<Omit<Tick, 'assignmentId'>>): Promise<void>;
};

export type InstallOutcome = {
  year: number;
  kind: 'created' | 'unchanged' | 'replaced' | 'versioned' | 'skipped';
  version: number;
  previousVersion?: number;
  diff?: ReturnType<typeof diffCatalogs>;
  /** Open assignments moved to the new version, per organization. */
  repointed: number;
  /** Open assignments left on an older version because the new one lacks their item. */
  stayed: Array<{ code: string; n: number }>;
  ticksKept: number;
  ticksDropped: number;
};

export type InstallDeps = { repo: CatalogRepository; ticks?: TickStore; openStatuses: readonly string[] };

/** Reads a stored version back into content form, to compare it with what is being installed. */
export function contentOf(year: number, source: string, subs: Array<{ code: string; indicator: number; title: string }>, items: CatalogItem[]): CatalogContent {
  return {
    year, source,
    subIndicators: subs.map(({ code, indicator, title }) => ({ code, indicator, title })),
    items: items.map((i) => ({
      code: i.code, number: i.number, indicator: i.indicator, subIndicator: i.subIndicator, group: i.groupTitle, title: i.title,
      components: i.components, notes: i.notes, scoring: i.scoring, dataPeriod: i.dataPeriod,
    })),
  };
}

/**
 * Installs a year's catalog inside `tx` (holding the year's lock):
 * - new year → version 1;
 * - same content as the current version → nothing (a changed hash function only updates the hash);
 * - current version unused by any assignment → corrected in place (item ids kept by number);
 * - otherwise → a new version; open assignments of cycles following the year's catalog move to it
 *   (ticks follow their component text), closed ones stay on the version they were closed on.
 * Built-in data never replaces a catalog an admin imported for the same year.
 * With `dryRun` nothing is written and the outcome says what would happen.
 */
export async function installCatalog(
  tx: Db, d: InstallDeps, file: CatalogFile,
  o: { origin: Origin; by: string; at: Date; dryRun?: boolean },
): Promise<{ outcome: InstallOutcome; audit: Array<{ orgId: number | null; entry: AuditEntry }> }> {
  const { repo } = d;
  await repo.lock(tx, file.year);
  const base = { year: file.year, repointed: 0, stayed: [], ticksKept: 0, ticksDropped: 0 };
  const head = await repo.head(file.year, tx);
  const audit: Array<{ orgId: number | null; entry: AuditEntry }> = [];
  const record = (entry: AuditEntry, orgId: number | null = null) => audit.push({ orgId, entry });
  const summary = (f: CatalogFile, version: number) => ({ year: f.year, version, source: f.source, items: f.items.length, contentHash: f.contentHash });

  if (!head) {
    if (!o.dryRun) await repo.create(tx, file, o.origin, o.by);
    record({ action: 'catalog.create', entity: 'catalog', entityId: file.year, after: { ...summary(file, 1), origin: o.origin } });
    return { outcome: { ...base, kind: 'created', version: 1 }, audit };
  }
  if (o.origin === 'builtin' && head.origin === 'imported') return { outcome: { ...base, kind: 'skipped', version: head.currentVersion }, audit };

  const current = contentOf(file.year, head.source, await repo.subIndicators(file.year, head.currentVersion, tx), await repo.items(file.year, head.currentVersion, tx));
  const diff = diffCatalogs(current, file);
  const same = diff.added.length + diff.removed.length + diff.changed.length + diff.subIndicatorsChanged.length === 0
    && current.subIndicators.length === file.subIndicators.length;
  if (same) {
    if (head.contentHash !== file.contentHash && !o.dryRun) await repo.setHash(tx, file.year, head.currentVersion, file.contentHash);
    return { outcome: { ...base, kind: 'unchanged', version: head.currentVersion }, audit };
  }

  const before = { ...summary({ ...current, contentHash: head.contentHash }, head.currentVersion), origin: head.origin };
  if (!(await repo.isUsed(tx, file.year, head.currentVersion))) {
    if (!o.dryRun) {
      await repo.replaceVersion(tx, file, head.currentVersion, o.origin);
      await repo.setCurrent(tx, file, head.currentVersion, o.origin);
    }
    record({ action: 'catalog.replace', entity: 'catalog', entityId: file.year, before, after: { ...summary(file, head.currentVersion), origin: o.origin, diff } });
    return { outcome: { ...base, kind: 'replaced', version: head.currentVersion, diff }, audit };
  }

  const version = head.currentVersion + 1;
  record({ action: 'catalog.version', entity: 'catalog', entityId: file.year, before, after: { ...summary(file, version), origin: o.origin, diff } });
  const outcome: InstallOutcome = { ...base, kind: 'versioned', version, previousVersion: head.currentVersion, diff };
  if (o.dryRun) {
    const open = await repo.openByNumber(tx, { year: file.year, openStatuses: d.openStatuses });
    const numbers = new Set(file.items.map((i) => i.number));
    outcome.repointed = open.filter((x) => numbers.has(x.number)).reduce((n, x) => n + x.n, 0);
    outcome.stayed = open.filter((x) => !numbers.has(x.number)).map(({ code, n }) => ({ code, n }));
    return { outcome, audit };
  }
  await repo.addVersion(tx, file, version, o.origin, o.by);
  await repo.setCurrent(tx, file, version, o.origin);
  Object.assign(outcome, await moveOpenAssignments(tx, d, { year: file.year, version, at: o.at }, record));
  return { outcome, audit };
}

/**
 * Moves the open assignments of cycles that follow the year's current catalog (or of `cycleIds`)
 * to `version`'s items, ticks following their text; audited per organization, and per assignment
 * where ticks had to be dropped.
 */
export async function moveOpenAssignments(
  tx: Db, d: InstallDeps, o: { year: number; version: number; at: Date; cycleIds?: number[] },
  record: (entry: AuditEntry, orgId: number | null) => void,
) {
  const numbers = new Set((await d.repo.items(o.year, o.version, tx)).map((i) => i.number));
  const stayed = o.cycleIds ? [] : (await d.repo.openByNumber(tx, { year: o.year, openStatuses: d.openStatuses }))
    .filter((x) => !numbers.has(x.number)).map(({ code, n }) => ({ code, n }));
  const moved = await d.repo.repointOpen(tx, { ...o, openStatuses: d.openStatuses });
  const perOrg = new Map<number, number>();
  for (const m of moved) perOrg.set(m.orgId, (perOrg.get(m.orgId) ?? 0) + 1);
  for (const [orgId, n] of perOrg) {
    record({ action: 'catalog.repoint', entity: 'catalog', entityId: o.year, after: { year: o.year, version: o.version, assignments: n } }, orgId);
  }
  let ticksKept = 0;
  let ticksDropped = 0;
  const changed = moved.filter((m) => m.componentsChanged);
  if (d.ticks && changed.length > 0) {
    const items = new Map((await d.repo.itemsByIds(tx, [...new Set(changed.map((m) => m.toItemId))])).map((i) => [i.id, i]));
    const ticks = await d.ticks.list(tx, changed.map((m) => m.assignmentId));
    for (const m of changed) {
      const mine = ticks.filter((t) => t.assignmentId === m.assignmentId);
      if (mine.length === 0) continue;
      const { kept, dropped } = remapTicks(mine, items.get(m.toItemId)!.components);
      const byIndex = new Map(mine.map((x) => [x.index, x]));
      await d.ticks.replace(tx, m.assignmentId, kept.map((k) => ({ ...byIndex.get(k.from)!, index: k.to })));
      ticksKept += kept.length;
      ticksDropped += dropped.length;
      if (dropped.length > 0 || kept.some((k) => k.from !== k.to)) {
        record({
          action: 'assignment.ticks.remap', entity: 'assignment', entityId: m.assignmentId,
          before: { itemId: m.fromItemId, ticks: mine.map((x) => ({ index: x.index, text: x.text })) },
          after: { itemId: m.toItemId, version: o.version, moved: kept.filter((k) => k.from !== k.to), dropped },
        }, m.orgId);
      }
    }
  }
  return { repointed: moved.length, stayed, ticksKept, ticksDropped };
}
