import { useState } from 'preact/hooks';
import type { ListEntry } from '../types.ts';
import { Loading, Notice, Problem, ProgressBar, useApp, useLoad } from '../ui.tsx';
import { ActionBar } from './actions.tsx';
import { ItemCard } from './item-card.tsx';

type Group = { key: string; name: string; items: ListEntry[]; done: number; awaiting: number };

/** Review: what I supervise or certify, grouped by unit with progress; approve or return inline. */
export function Review() {
  const { api, m } = useApp();
  const list = useLoad(() => api.items('supervised'), 'supervised');
  const [flash, setFlash] = useState<string | null>(null);

  if (list.state === 'error') return <Problem error={list.error} onRetry={list.reload} />;
  if (list.state !== 'ok') return <Loading />;
  const groups = byUnit(list.data.items, m.review.noUnit);

  return (
    <>
      <h1 class="screen-title">{m.review.title}</h1>
      <div aria-live="polite">{flash && <Notice kind="ok">{flash}</Notice>}</div>
      {groups.length === 0 && <p class="empty">{m.empty.supervised}</p>}
      {groups.map((g) => (
        <section key={g.key} class="group">
          <div class="group__head">
            <h2>{g.name}</h2>
            <p class="muted small">
              {m.review.progress(g.done, g.items.length)}
              {g.awaiting > 0 && <strong class="awaiting"> · {m.review.awaiting(g.awaiting)}</strong>}
            </p>
            <ProgressBar percent={(g.done / g.items.length) * 100} label={`${g.name}: ${m.review.progress(g.done, g.items.length)}`} />
          </div>
          <ul class="cards">
            {g.items.map((i) => (
              <ItemCard key={i.id} item={i} hideUnit>
                {i.awaitingMe && i.actions.length > 0 && (
                  <ActionBar compact item={i}
                    onDone={(_r, a) => { setFlash(`${i.code} ${m.actionDone[a] ?? m.saved}`); list.reload(); }}
                    onReload={(e) => { setFlash(e.code === 'STALE_VERSION' ? m.stale : e.message || m.stale); list.reload(); }} />
                )}
              </ItemCard>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Units in the order the API lists them; items awaiting me first within a unit. */
function byUnit(items: ListEntry[], noUnit: string): Group[] {
  const groups = new Map<string, Group>();
  for (const i of items) {
    const key = i.unit ? String(i.unit.id) : '-';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: i.unit?.name ?? noUnit, items: [], done: 0, awaiting: 0 }));
    g.items.push(i);
    if (i.done) g.done++;
    if (i.awaitingMe) g.awaiting++;
  }
  for (const g of groups.values()) g.items.sort((a, b) => Number(b.awaitingMe) - Number(a.awaitingMe));
  return [...groups.values()];
}
