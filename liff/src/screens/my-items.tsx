import type { ListFilter } from '../router.ts';
import type { Me } from '../types.ts';
import { A, Loading, Notice, Problem, useApp, useLoad } from '../ui.tsx';
import { ItemCards } from './item-card.tsx';

const FILTERS: ListFilter[] = ['pending', 'overdue', 'review', 'all'];

/** My items: the four filters with their counts from /me, and the filtered list. */
export function MyItems({ me, filter }: { me: Me | undefined; filter: ListFilter }) {
  const { api, m } = useApp();
  const list = useLoad(() => api.items(filter), filter);
  return (
    <>
      <nav class="filters" aria-label={m.nav.mine}>
        {FILTERS.map((f) => (
          <A key={f} to={{ name: 'items', filter: f }} class={`chip${f === filter ? ' chip--on' : ''}${f === 'overdue' && me && me.counts.overdue > 0 ? ' chip--alert' : ''}`}>
            {m.filters[f]} <span class="chip__count">{me ? me.counts[f] : '\u00a0'}</span>
          </A>
        ))}
      </nav>
      {me && !me.cycle && <Notice kind="warn">{m.noCycle}</Notice>}
      {list.state === 'error' ? (
        <Problem error={list.error} onRetry={list.reload} atList />
      ) : list.state === 'ok' ? (
        <ItemCards items={list.data.items} empty={m.empty[filter]} />
      ) : (
        <Loading />
      )}
    </>
  );
}
