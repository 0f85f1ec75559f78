import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For long in-memory loops on the main thread (planning a 20,000-row import): every `every`
 * calls, gives the event loop a turn so webhooks and API requests are not kept waiting.
 * Use as `const pause = yielder(); for (…) { await pause(); … }`.
 */
export function yielder(every = 500): () => Promise<void> | undefined {
  let n = 0;
  return () => (++n % every === 0 ? nextTurn() : undefined);
}
