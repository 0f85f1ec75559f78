import type { ComponentChildren } from 'preact';
import type { ListEntry } from '../types.ts';
import { A, Due, StatusBadge, useApp } from '../ui.tsx';

/** One list entry as a card (My items, Review, Overview's overdue list). */
export function ItemCard({ item, hideUnit, children }: { item: ListEntry; hideUnit?: boolean; children?: ComponentChildren }) {
  const { m } = useApp();
  const responsibility = item.responsibility ? m.responsibility[item.responsibility] : undefined;
  return (
    <li class={`card${item.overdueDays ? ' card--overdue' : ''}`} data-item-id={item.id}>
      <A to={{ name: 'item', id: item.id }} class="card__link">
        <div class="card__top">
          <span class="code">{item.code}</span>
          <StatusBadge status={item.status} label={item.statusLabel} />
          {item.awaitingMe && <span class="badge badge--me">{m.awaitingMe}</span>}
        </div>
        <h2 class="card__title">{item.title}</h2>
        {item.unit && !hideUnit && (
          <p class="card__meta">
            {item.unit.name}
            {responsibility && <span class="muted"> ({responsibility})</span>}
          </p>
        )}
        <p class="card__meta"><Due dueOn={item.dueOn} overdueDays={item.overdueDays} /></p>
        <p class="card__meta muted">
          {item.components.total > 0 && <span class="ticks">{m.componentsOf(item.components.ticked, item.components.total)} · </span>}
          {m.evidenceCount(item.evidenceCount)}
        </p>
      </A>
      {children}
    </li>
  );
}

export function ItemCards({ items, empty, render }: { items: ListEntry[]; empty: string; render?: (i: ListEntry) => ComponentChildren }) {
  if (items.length === 0) return <p class="empty">{empty}</p>;
  return <ul class="cards">{items.map((i) => (render ? render(i) : <ItemCard key={i.id} item={i} />))}</ul>;
}
