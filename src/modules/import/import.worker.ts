import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors.ts';
import { parseCatalogFile, type ParsedCatalog } from '../catalog/catalog.parse.ts';
import { readAliasSheet } from './import.aliases.ts';
import { parseSheet, type SkippedRow } from './import.parse.ts';
import type { Alias } from './import.repository.ts';
import type { Columns } from './import.headers.ts';
import { validateRows, type CatalogRef, type Validated } from './import.validate.ts';

/**
 * Worker thread: decodes, parses and checks a sheet off the main event loop, so a huge or hostile
 * file never stalls webhooks or the API (issue 10.2). Its memory goes away with the thread.
 */
export type ReadJob = { fileName: string; bytes: Uint8Array; year: number; items: CatalogRef[]; maxRows: number; orgName?: string };
/** What the sheet says, checked, and how it was understood (the dry run reports it). */
export type ReadResult = Validated & {
  rowCount: number;
  headerRow: number;
  columns: Columns['understood'];
  skipped: SkippedRow[];
  /** From the workbook's aliases sheet. */
  sheetAliases: Alias[];
};
/** A catalog file (catalog import) is read the same way, off the event loop. */
export type CatalogJob = { kind: 'catalog'; fileName: string; bytes: Uint8Array; year: number; maxRows: number };
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ReadResult | ParsedCatalog }
  | { type: 'failed'; error: { code: string; status: number; params: Record<string, unknown> } | { message: string } };

export async function readAndValidate(job: ReadJob, progress?: (done: number, total: number) => void): Promise<ReadResult> {
  const sheet = await parseSheet(job.fileName, job.bytes, { maxRows: job.maxRows });
  const checked = validateRows(sheet, { year: job.year, items: job.items, orgName: job.orgName }, progress);
  const aliases = sheet.aliases ? readAliasSheet(sheet.aliases) : { aliases: [], errors: [] };
  return {
    ...checked, errors: [...checked.errors, ...aliases.errors], rowCount: sheet.rows.length,
    headerRow: sheet.headerRow, columns: sheet.columns.understood, skipped: sheet.skipped, sheetAliases: aliases.aliases,
  };
}

const port = parentPort;
if (port) {
  port.once('message', async (job: ReadJob | CatalogJob) => {
    const send = (m: WorkerMessage) => port.postMessage(m);
    let last = 0;
    try {
      const result = 'kind' in job ? await parseCatalogFile(job.fileName, job.bytes, job) : await readAndValidate(job, (done, total) => {
        // A message per 500 rows at most: progress bars need no more.
        if (done - last >= 500 || done === total) send({ type: 'progress', done, total });
        last = done;
      });
      send({ type: 'done', result });
    } catch (e) {
      send({ type: 'failed', error: isAppError(e) ? { code: e.code, status: e.status, params: e.params } : { message: String((e as Error)?.message ?? e) } });
    }
  });
}
