import { Worker } from 'node:worker_threads';
import type { Config } from './config.ts';
import type { InboxWorker } from './modules/line/webhook/inbox.worker.ts';
import { WORKER_THREAD_NICE, WORKER_THREAD_RESTART_MS, WORKER_THREAD_STOP_MS } from './modules/line/webhook/inbox.rules.ts';

type Log = (text: string, e?: unknown) => void;
export type InboxProcessing = { where: 'none' | 'main thread' | 'own thread'; stop(): Promise<void> };
type FromThread = { type: 'started' } | { type: 'stopped' };

/**
 * Starts this instance's inbox processing as its configuration says: not at all on a webhook-only
 * instance (INBOX_WORKER_ENABLED=false); on the main thread with PGlite or INBOX_WORKER_THREAD=false;
 * else (PostgreSQL, the default) on a thread of its own, a worker instance inside this process
 * with its own event loop and database pool, so that a batch being handled never holds up an
 * acknowledgement on the main thread, and the instance uses a second core. The webhook's kick()
 * is handed over to that thread; `worker` itself then only runs when asked (processPending).
 */
export async function startInboxProcessing(o: { worker: Pick<InboxWorker, 'start' | 'stop' | 'handOver'>; config: Config; log: Log }): Promise<InboxProcessing> {
  if (!o.config.inbox.workerEnabled) return { where: 'none', stop: async () => {} };
  if (!o.config.inbox.workerThread) {
    o.worker.start();
    return { where: 'main thread', stop: () => o.worker.stop() };
  }
  const thread = await startWorkerThread(o.config, o.log);
  o.worker.handOver(thread.kick);
  return { where: 'own thread', stop: thread.stop };
}

/**
 * The worker thread (inbox-processing.thread.ts), given this instance's configuration. Kicks are
 * coalesced: one message per turn of the event loop, however many requests it stored. A thread
 * that dies is logged and started again (what it held returns to the inbox when its lease runs
 * out, LEASE_MS); one that cannot start fails the start-up.
 */
async function startWorkerThread(config: Config, log: Log) {
  let stopping = false;
  let current: Worker;
  let kickQueued = false;
  let stopped: Promise<void> | undefined;
  const spawn = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = new Worker(new URL('./inbox-processing.thread.ts', import.meta.url), { workerData: { config, nice: WORKER_THREAD_NICE } });
      let started = false;
      w.once('message', (m: FromThread) => {
        if (m.type === 'started') {
          started = true;
          resolve(w);
        }
      });
      w.on('error', (e) => (started ? log('line inbox: worker thread failed', e) : reject(e)));
      w.on('exit', (code) => {
        if (!started) return reject(new Error(`inbox worker thread exited with code ${code} while starting`));
        if (stopping || w !== current) return;
        log(`line inbox: worker thread exited (code ${code}); starting it again in ${WORKER_THREAD_RESTART_MS} ms`);
        setTimeout(() => void restart(), WORKER_THREAD_RESTART_MS).unref();
      });
    });
  const restart = async () => {
    if (stopping) return;
    try {
      current = await spawn();
    } catch (e) {
      log('line inbox: worker thread could not start again; retrying', e);
      setTimeout(() => void restart(), WORKER_THREAD_RESTART_MS).unref();
    }
  };
  current = await spawn();
  return {
    kick() {
      if (kickQueued) return;
      kickQueued = true;
      setImmediate(() => {
        kickQueued = false;
        if (!stopping) current.postMessage('kick');
      });
    },
    /** Lets the thread finish its batch and close its pool (at most WORKER_THREAD_STOP_MS); once. */
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const w = current;
        const done = new Promise<void>((resolve) => {
          w.on('message', (m: FromThread) => m.type === 'stopped' && resolve());
          w.once('exit', () => resolve());
        });
        w.postMessage('stop');
        const timer = setTimeout(() => void w.terminate(), WORKER_THREAD_STOP_MS);
        await done;
        clearTimeout(timer);
        await w.terminate();
      })();
      return stopped;
    },
  };
}
