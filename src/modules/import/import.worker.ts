import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors.ts';
import { parseSheet } from './import.parse.ts';
import { validateRows, type CatalogRef, type Validated } from './import.validate.ts';

/**
 * Worker thread: decodes, parses and checks a sheet off the main event loop, so a huge or hostile
 * file never stalls webhooks or the API (issue 10.2). Its memory goes away with the thread.
 */
export type ReadJob = { fileName: string; bytes: Uint8Array; year: number; items: CatalogRef[]; maxRows: number };
export type ReadResult = Validated & { rowCount: number };
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ReadResult }
  | { type: 'failed'; error: { code: string; status: number; params: Record<string, unknown> } | { message: string } };

export async function readAndValidate(job: ReadJob, progress?: (done: number, total: number) => void): Promise<ReadResult> {
  const sheet = await parseSheet(job.fileName, job.bytes, { maxRows: job.maxRows });
  const checked = validateRows(sheet, { year: job.year, items: job.items }, progress);
  return { ...checked, rowCount: sheet.rows.length };
}

const port = parentPort;
if (port) {
  port.once('message', async (job: ReadJob) => {
    const send = (m: WorkerMessage) => port.postMessage(m);
    let last = 0;
    try {
      const result = await readAndValidate(job, (done, total) => {
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
