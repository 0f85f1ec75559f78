import { useEffect, useState } from 'preact/hooks';
import { linkClick, onRouteChange, parseRoute, type Route } from './router.ts';
import { lazyScreen } from './screens/lazy.tsx';
import { MyItems } from './screens/my-items.tsx';
import type { Me } from './types.ts';
import { A, Panel, Problem, useApp, useLoad } from './ui.tsx';

// Only My items is in the first chunk; the other screens load when first shown.
const ItemDetail = lazyScreen(() => import('./screens/item-detail.tsx').then((s) => s.ItemDetail));
const Review = lazyScreen(() => import('./screens/review.tsx').then((s) => s.Review));
const Overview = lazyScreen(() => import('./screens/overview.tsx').then((s) => s.Overview));

/** Starts fetching the code of the screen a deep link opens, alongside its data. */
export function preloadScreen(route: Route): void {
  if (route.name === 'item') ItemDetail.preload();
  if (route.name === 'review') Review.preload();
  if (route.name === 'overview') Overview.preload();
}

/** The signed-in page: who I am (/me), the navigation the API's roles allow, the screen. */
export function App() {
  const { api } = useApp();
  const [route, setRoute] = useState<Route>(() => parseRoute(location));
  const [visits, setVisits] = useState(0);
  useEffect(() => onRouteChange(() => {
    setRoute(parseRoute(location));
    setVisits((v) => v + 1);
  }), []);
  // Counts change as work is done: ask again whenever the list is shown anew.
  const me = useLoad(() => api.me(), route.name === 'items' ? `items:${visits}` : 'other');

  // Who I am and the screen's own data are asked for side by side (not one after the other);
  // a failed /me (not linked, session expired) replaces the whole page. On My items, whose list
  // came in the same request, that is the list's failure too: trying again is the way on.
  if (me.state === 'error' && !me.data) {
    return <div class="page" onClick={linkClick}><Problem error={me.error} onRetry={me.reload} atList={route.name === 'items'} /></div>;
  }
  return (
    <div class="page" onClick={linkClick}>
      {me.data ? <TopBar me={me.data} route={route} /> : <header class="topbar topbar--pending" />}
      <main>
        <Screen me={me.data} route={route} />
      </main>
    </div>
  );
}

function Screen({ me, route }: { me: Me | undefined; route: Route }) {
  const { m } = useApp();
  switch (route.name) {
    case 'items': return <MyItems me={me} filter={route.filter} />;
    case 'item': return <ItemDetail key={route.id} id={route.id} />;
    case 'review': return <Review />;
    case 'overview': return <Overview />;
    default:
      return (
        <Panel title={m.problem.UNKNOWN_PAGE.title} body={m.problem.UNKNOWN_PAGE.body}>
          <A to={{ name: 'items', filter: 'pending' }} class="btn">{m.backToList}</A>
        </Panel>
      );
  }
}

function TopBar({ me, route }: { me: Me; route: Route }) {
  const { m } = useApp();
  const reviewer = me.roles.supervisor || me.roles.certifier || me.counts.supervised > 0;
  const tab = (name: Route['name'], to: Route, label: string) => (
    <A to={to} class={`tab${route.name === name ? ' tab--on' : ''}`}>{label}</A>
  );
  return (
    <header class="topbar">
      <div class="topbar__who">
        <strong>{me.officer.name}</strong>
        <span class="muted small">
          {me.organization.name}
          {me.cycle && ` · ${m.cycleYear(me.cycle.year)}`}
        </span>
      </div>
      {(reviewer || me.roles.admin) && (
        <nav class="tabs">
          {tab('items', { name: 'items', filter: 'pending' }, m.nav.mine)}
          {reviewer && tab('review', { name: 'review' }, m.nav.review)}
          {me.roles.admin && tab('overview', { name: 'overview' }, m.nav.overview)}
        </nav>
      )}
    </header>
  );
}
