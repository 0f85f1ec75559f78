import { errors } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { SheetReader } from '../import/import.reader.ts';
import type { InstallOutcome } from './catalog.install.ts';
import type { CatalogService } from './catalog.usecases.ts';

export type CatalogImportSummary = InstallOutcome & {
  dryRun: boolean;
  items: number;
  components: number;
  subIndicators: Array<{ code: string; title: string; items: string }>;
};

/**
 * `catalog import <file> --year <พ.ศ.>` and POST /api/v1/catalogs/:year/import: reads the file in
 * the import worker, refuses it with every problem (row, column, Thai reason) or installs it as
 * the year's catalog (see installCatalog for what happens to one already in use).
 */
export function createCatalogImport({ catalog, reader, maxRows }: { catalog: Pick<CatalogService, 'installImported'>; reader: Pick<SheetReader, 'readCatalog'>; maxRows: number }) {
  return {
    async importFile(actor: Actor, input: { fileName: string; bytes: Uint8Array; year: number; dryRun?: boolean }): Promise<CatalogImportSummary> {
      assertCan(actor, 'manage_catalogs', { orgId: actor.orgId });
      const { file, errors: rowErrors } = await reader.readCatalog({ fileName: input.fileName, bytes: input.bytes, year: input.year, maxRows });
      if (!file) throw errors.importFailed(rowErrors);
      const outcome = await catalog.installImported(actor, file, input.dryRun ?? false);
      const range = (codes: string[]) => (codes.length === 0 ? '' : codes.length === 1 ? codes[0]! : `${codes[0]}–${codes.at(-1)}`);
      return {
        ...outcome,
        dryRun: input.dryRun ?? false,
        items: file.items.length,
        components: file.items.reduce((n, i) => n + i.components.length, 0),
        subIndicators: file.subIndicators.map((s) => ({
          code: s.code, title: s.title, items: range(file.items.filter((i) => i.subIndicator === s.code).map((i) => i.code)),
        })),
      };
    },
  };
}

export type CatalogImport = ReturnType<typeof createCatalogImport>;
