import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Loads shared by the events of one inbox batch (issue 12.6: "load the sender's officer,
 * organization and cycle once per batch and source, not per event"). The worker runs each batch
 * inside run(); a lookup wrapped with get() is loaded once per batch and key, and outside a batch
 * (the LIFF API, the CLI) it simply loads. Whatever changes what a key loads (linking an
 * account, a follow, registering a group) forgets it, so a later event of the same batch sees
 * the change.
 */
export function createBatchMemo() {
  const store = new AsyncLocalStorage<Map<string, Promise<unknown>>>();
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      return store.run(new Map(), fn);
    },
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const memo = store.getStore();
      if (!memo) return load();
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) {
        p = load();
        memo.set(key, p);
        p.catch(() => memo.delete(key));
      }
      return p;
    },
    /** Whether a batch is running here (its loads are shared). */
    inBatch(): boolean {
      return store.getStore() !== undefined;
    },
    /** Sets what `key` loads for the rest of the batch (a batch-wide load did it for many keys at once); outside a batch, nothing. */
    prime<T>(key: string, value: T) {
      store.getStore()?.set(key, Promise.resolve(value));
    },
    /** Forgets every key starting with `prefix` in the current batch. */
    forget(prefix: string) {
      const memo = store.getStore();
      if (!memo) return;
      for (const k of memo.keys()) if (k.startsWith(prefix)) memo.delete(k);
    },
  };
}

export type BatchMemo = ReturnType<typeof createBatchMemo>;
