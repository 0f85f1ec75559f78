import type { Filter } from './types.ts';

// Paths under the app's base (/liff/). In LINE the path arrives through liff.state and the SDK
// puts it in place during liff.init(), so the route is read only after init resolves.
export type ListFilter = Exclude<Filter, 'supervised'>;
export type Route =
  | { name: 'items'; filter: ListFilter }
  | { name: 'item'; id: number }
  | { name: 'review' }
  | { name: 'overview' }
  | { name: 'unknown' };

const BASE = import.meta.env.BASE_URL.replace(/\/$/, ''); // "/liff"
/** Query parameters that follow the user across screens (offline mock identity, language). */
const KEPT = ['mock', 'as', 'lang'];
const FILTERS: ListFilter[] = ['pending', 'overdue', 'review', 'all'];

export function parseRoute(loc: { pathname: string; search: string }): Route {
  let path = loc.pathname.startsWith(BASE) ? loc.pathname.slice(BASE.length) : loc.pathname;
  path = path.replace(/\/+$/, '');
  if (path === '' || path === '/items') {
    const f = new URLSearchParams(loc.search).get('filter');
    return { name: 'items', filter: FILTERS.includes(f as ListFilter) ? (f as ListFilter) : 'pending' };
  }
  const m = /^\/items\/(\d{1,12})$/.exec(path);
  if (m) return { name: 'item', id: Number(m[1]) };
  if (path === '/review') return { name: 'review' };
  if (path === '/overview') return { name: 'overview' };
  return { name: 'unknown' };
}

export function href(route: Route): string {
  const q = new URLSearchParams();
  const current = new URLSearchParams(location.search);
  for (const k of KEPT) {
    const v = current.get(k);
    if (v !== null) q.set(k, v);
  }
  let path = '/';
  if (route.name === 'items' && route.filter !== 'pending') q.set('filter', route.filter);
  if (route.name === 'item') path = `/items/${route.id}`;
  if (route.name === 'review') path = '/review';
  if (route.name === 'overview') path = '/overview';
  const qs = q.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

const listeners = new Set<() => void>();
export function onRouteChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
addEventListener('popstate', () => listeners.forEach((fn) => fn()));

export function navigate(to: Route | string, replace = false): void {
  const url = typeof to === 'string' ? to : href(to);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  scrollTo(0, 0);
  listeners.forEach((fn) => fn());
}

/** Click handler for in-app links: same-tab clicks become history navigation. */
export function linkClick(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}
