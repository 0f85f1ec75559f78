/**
 * The inbox worker's own thread (inbox-processing.ts): a worker instance inside the process, with
 * its own event loop, database pool and LINE client. From the main thread: 'kick' (requests were
 * stored) and 'stop' (finish the batch in hand, close the pool, answer 'stopped').
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.ts';
import { createContainer } from './container.ts';
import { openDatabase } from './db/client.ts';
import { systemClock } from './shared/clock.ts';

const { config: given, nice } = workerData as { config: Config; nice: number };
try {
  setPriority(0, nice); // this thread's own nice value (Linux); see WORKER_THREAD_NICE
} catch {
  // not permitted or not supported here: the worker runs at the process's priority
}
// This thread is the worker and nothing else: the main thread serves HTTP and runs the scheduler.
const config: Config = { ...given, inbox: { ...given.inbox, workerEnabled: true, workerThread: false }, reminders: { ...given.reminders, schedulerEnabled: false } };
const database = await openDatabase(config.database);
const c = createContainer({ config, database, clock: systemClock });
c.lineBot.worker.start();
const port = parentPort!;
port.on('message', (m: 'kick' | 'stop') => {
  if (m === 'kick') return c.lineBot.worker.kick();
  void (async () => {
    await c.lineBot.worker.stop();
    await c.links.close();
    await database.close();
    port.postMessage({ type: 'stopped' });
    port.close();
  })();
});
port.postMessage({ type: 'started' });
