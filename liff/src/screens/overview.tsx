import type { Overview as Data, Progress } from '../types.ts';
import { Loading, Problem, ProgressBar, useApp, useLoad } from '../ui.tsx';
import { DeliveryPanel } from './delivery-panel.tsx';
import { ItemCards } from './item-card.tsx';

/** Organization overview (admins): totals, the month's LINE messages, per sub-indicator, per unit, and what is overdue. */
export function Overview() {
  const { api, m } = useApp();
  const load = useLoad(() => api.overview(), 'overview');
  if (load.state === 'error') return <Problem error={load.error} onRetry={load.reload} />;
  if (load.state !== 'ok') return <Loading />;
  const o = load.data;
  return (
    <>
      <h1 class="screen-title">{m.overview.title}{o.cycle && <span class="muted"> · {m.cycleYear(o.cycle.year)}</span>}</h1>
      <section class="section totals">
        <p class="totals__big">{m.overview.percentDone(o.totals.percentDone)}</p>
        <p class="muted">{m.overview.ofTotal(o.totals.done, o.totals.total)}</p>
        <ProgressBar percent={o.totals.percentDone} label={m.overview.percentDone(o.totals.percentDone)} />
        <StatusCounts p={o.totals} labels={o.statusLabels} />
      </section>
      <DeliveryPanel d={o.delivery} />
      <Table title={m.overview.bySub} rows={o.bySubIndicator.map((r) => ({ key: r.code, name: `${r.code} ${r.title}`, p: r }))} labels={o.statusLabels} />
      <Table title={m.overview.byUnit} rows={o.byUnit.map((r) => ({ key: String(r.id), name: r.name, p: r }))} labels={o.statusLabels} />
      <section class="section">
        <h2>{m.overview.overdue} ({o.overdue.length})</h2>
        <ItemCards items={o.overdue} empty={m.overview.noOverdue} />
      </section>
    </>
  );
}

function Table({ title, rows, labels }: { title: string; rows: { key: string; name: string; p: Progress }[]; labels: Data['statusLabels'] }) {
  const { m } = useApp();
  return (
    <section class="section">
      <h2>{title}</h2>
      <ul class="breakdown">
        {rows.map((r) => (
          <li key={r.key}>
            <div class="breakdown__head">
              <span>{r.name}</span>
              <span class="breakdown__pct">{r.p.percentDone}%</span>
            </div>
            <ProgressBar percent={r.p.percentDone} label={`${r.name}: ${m.overview.ofTotal(r.p.done, r.p.total)}`} />
            <StatusCounts p={r.p} labels={labels} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatusCounts({ p, labels }: { p: Progress; labels: Data['statusLabels'] }) {
  const entries = Object.entries(p.byStatus).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <p class="status-counts">
      {entries.map(([status, n]) => (
        <span key={status} class={`badge badge--${status.replace(/[^a-z_]/g, '')}`}>{labels[status] ?? status} {n}</span>
      ))}
    </p>
  );
}
