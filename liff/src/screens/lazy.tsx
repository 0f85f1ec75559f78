import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { Loading, Problem } from '../ui.tsx';

export type LazyScreen<P> = FunctionComponent<P> & { preload(): void };

/**
 * A screen whose code is fetched when first needed (a chunk of its own), so the first screen,
 * My items, does not download and evaluate the item, review and overview screens before it
 * paints. `preload()` starts the fetch early (main.tsx does it for a deep link). A chunk that
 * cannot be fetched (no network, or a newer release replaced it) is a network problem whose
 * retry reloads the page.
 */
export function lazyScreen<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyScreen<P> {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<FunctionComponent<P>> | undefined;
  const fetchScreen = () => (loading ??= load().then((c) => (loaded = c)));
  function Screen(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!loaded) fetchScreen().then(() => setReady(true), () => setFailed(true));
    }, []);
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    if (failed) return <Problem error={new ApiError(0, 'NETWORK', '')} onRetry={() => location.reload()} />;
    return <Loading />;
  }
  return Object.assign(Screen, { preload: () => void fetchScreen().catch(() => {}) });
}
