import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import { actorRef, type Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import { readBuiltInCatalogs, type CatalogFile } from './catalog.data.ts';
import type { CatalogContent } from './catalog.content.ts';
import { contentOf, installCatalog, moveOpenAssignments, type InstallOutcome, type TickStore } from './catalog.install.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { CatalogItem, CatalogRepository } from './catalog.repository.ts';
import { resolveItemNumber } from './item-code.ts';

export type CatalogService = ReturnType<typeof createCatalogService>;

type Deps = {
  repo: CatalogRepository;
  audit: AuditLog;
  clock: Clock;
  ticks?: TickStore;
  /** The workflow's open statuses (assignments/workflow.ts): these follow a corrected catalog. */
  openStatuses: readonly string[];
  files?: () => CatalogFile[];
};

/** A cycle's catalog: its year's current version unless the organization pinned one. */
export type CatalogRef = { catalogYear: number; catalogVersion?: number | null };

export function createCatalogService({ repo, audit, clock, ticks, openStatuses, files = readBuiltInCatalogs }: Deps) {
  // Items of a version are cached by content hash: a version corrected in place gets a new hash,
  // and any process sees a catalog another process (CLI, another instance) installed.
  const cache = new Map<string, CatalogItem[]>();

  // `tx`: inside a transaction, read through it (PGlite has one connection: another would wait forever).
  async function versionOf(ref: CatalogRef, tx?: Db): Promise<{ version: number; hash: string }> {
    const head = await repo.head(ref.catalogYear, tx);
    if (!head) throw errors.catalogMissing(ref.catalogYear, (await repo.years()).map((y) => y.year));
    if (!ref.catalogVersion || ref.catalogVersion === head.currentVersion) return { version: head.currentVersion, hash: head.contentHash };
    const v = (await repo.versions(ref.catalogYear, tx)).find((x) => x.version === ref.catalogVersion);
    if (!v) throw errors.catalogVersionMissing(ref.catalogYear, ref.catalogVersion);
    return { version: v.version, hash: v.contentHash };
  }

  async function itemsFor(ref: CatalogRef, tx?: Db): Promise<CatalogItem[]> {
    const { version, hash } = await versionOf(ref, tx);
    const key = `${ref.catalogYear}:${version}:${hash}`;
    let list = cache.get(key);
    if (!list) {
      list = await repo.items(ref.catalogYear, version, tx);
      if (cache.size > 50) cache.clear();
      cache.set(key, list);
    }
    return list;
  }

  /** Installs one catalog in its own transaction, auditing what changed. */
  async function install(file: CatalogFile, o: { origin: 'builtin' | 'imported'; actor: Actor | null; dryRun?: boolean }): Promise<InstallOutcome> {
    const by = o.actor ? actorRef(o.actor) : 'system';
    return repo.db.transaction(async (tx: Db) => {
      const { outcome, audit: entries } = await installCatalog(tx, { repo, ticks, openStatuses }, file, { origin: o.origin, by, at: clock.now(), dryRun: o.dryRun });
      if (!o.dryRun) for (const { orgId, entry } of entries) await audit.record(tx, { orgId, ref: by }, entry);
      return outcome;
    });
  }

  return {
    /**
     * Loads the built-in catalogs at start-up: a year whose data is unchanged is skipped; a
     * corrected built-in catalog follows the same rules as an imported one (see installCatalog).
     */
    async loadBuiltIn(): Promise<Array<{ year: number; items: number; changed: boolean; outcome: InstallOutcome['kind'] }>> {
      const out = [];
      for (const file of files()) {
        const outcome = await install(file, { origin: 'builtin', actor: null });
        out.push({ year: file.year, items: file.items.length, changed: outcome.kind !== 'unchanged' && outcome.kind !== 'skipped', outcome: outcome.kind });
      }
      return out;
    },

    /** Installs a catalog an admin loaded (CLI `catalog import`, admin API); see catalog.import.ts. */
    async installImported(actor: Actor, file: CatalogFile, dryRun = false): Promise<InstallOutcome> {
      assertCan(actor, 'manage_catalogs', { orgId: actor.orgId });
      return install(file, { origin: 'imported', actor, dryRun });
    },

    /**
     * Moves one cycle's open assignments to `version` of `year` (a pin changed), inside `tx`.
     * Returns the audit entries (per organization) for the caller to record with its actor.
     */
    async repointCycle(tx: Db, o: { cycleId: number; year: number; version: number }) {
      const entries: Array<{ orgId: number | null; entry: AuditEntry }> = [];
      const moved = await moveOpenAssignments(tx, { repo, ticks, openStatuses }, { ...o, cycleIds: [o.cycleId], at: clock.now() },
        (entry, orgId) => entries.push({ orgId, entry }));
      return { ...moved, entries };
    },

    /** A version (default: the current one) as catalog content, for export. */
    async content(year: number, version?: number | null): Promise<CatalogContent & { version: number }> {
      const v = (await versionOf({ catalogYear: year, catalogVersion: version })).version;
      const row = (await repo.versions(year)).find((x) => x.version === v);
      return { ...contentOf(year, row?.source ?? '', await repo.subIndicators(year, v), await repo.items(year, v)), version: v };
    },

    years: () => repo.years(),
    versions: (year: number) => repo.versions(year),
    /** The current version's items of a year. */
    items: (year: number, tx?: Db) => itemsFor({ catalogYear: year }, tx),
    itemsFor,
    versionOf,
    async subIndicators(year: number, version?: number | null) {
      return repo.subIndicators(year, (await versionOf({ catalogYear: year, catalogVersion: version })).version);
    },
    /** Finds an item from any spelling of its code ("O12", "๐๑๒", "ข้อ 12"). */
    async resolve(year: number, code: string): Promise<CatalogItem> {
      const list = await itemsFor({ catalogYear: year });
      const n = resolveItemNumber(code, year, list.length);
      const item = list.find((i) => i.number === n);
      if (!item) throw errors.itemOutOfRange(code, year, list.length);
      return item;
    },
  };
}
