import { Worker } from 'node:worker_threads';
import { messages, type ErrorCode } from '../../messages/index.ts';
import { AppError, errors } from '../../shared/errors.ts';
import type { ParsedCatalog } from '../catalog/catalog.parse.ts';
import type { CatalogJob, ReadJob, ReadResult, WorkerMessage } from './import.worker.ts';

/**
 * Runs the sheet reader in a worker thread, at most `concurrency` at a time (later imports wait
 * their turn), each with a heap limit: an import can use a bounded amount of memory and gives it
 * all back when its thread ends.
 */
export function createSheetReader({ concurrency = 2, heapMb = 512 } = {}) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = () => (running < concurrency ? (running++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  async function run<T>(job: ReadJob | CatalogJob, onProgress?: (done: number, total: number) => void): Promise<T> {
    await acquire();
    try {
      return (await inWorker(job, heapMb, onProgress)) as T;
    } finally {
      release();
    }
  }
  return {
    /** An assignment sheet, read and checked row by row. */
    read: (job: ReadJob, onProgress?: (done: number, total: number) => void) => run<ReadResult>(job, onProgress),
    /** A catalog file (sheet or JSON), read and validated. */
    readCatalog: (job: Omit<CatalogJob, 'kind'>) => run<ParsedCatalog>({ kind: 'catalog', ...job }),
  };
}

export type SheetReader = ReturnType<typeof createSheetReader>;

function inWorker(job: ReadJob | CatalogJob, heapMb: number, onProgress?: (done: number, total: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(() => resolve(m.result));
      else finish(() => reject('code' in m.error ? new AppError(m.error.code as ErrorCode, m.error.status, m.error.params) : new Error(m.error.message)));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      // Out of memory: a file far beyond any agency's sheet. Anything else is our bug.
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => reject(errors.importFailed([{ row: 1, column: '', reason: messages.th.importErrors.fileTooComplex }])));
      else finish(() => reject(e));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`import worker exited with code ${code}`))));
    // Copied, not transferred: the caller may use its bytes again (a copy of 20 MB is a few ms).
    worker.postMessage(job);
  });
}
