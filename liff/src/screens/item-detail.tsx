import { useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { formatDateTime } from '../thai-date.ts';
import type { Item, Mutation } from '../types.ts';
import { A, Due, Loading, Notice, Problem, StatusBadge, useApp, useLoad } from '../ui.tsx';
import { ActionBar } from './actions.tsx';
import { Checklist } from './checklist.tsx';
import { EvidenceSection } from './evidence.tsx';

type Flash = { kind: 'ok' | 'warn'; text: string; code?: string };

/** Item detail with its checklist, evidence and the actions the API allows. */
export function ItemDetail({ id }: { id: number }) {
  const { api, m } = useApp();
  const load = useLoad(() => api.item(id), String(id));
  const [flash, setFlash] = useState<Flash[]>([]);

  if (load.state === 'error' && !load.data) return <Problem error={load.error} onRetry={load.reload} />;
  if (!load.data) return <Loading />;
  const item = load.data;

  const saved = (res: Mutation, text?: string) => {
    if (load.state === 'ok') load.set(res.item);
    else load.reload();
    const notes: Flash[] = res.warnings.map((w) => ({ kind: 'warn', text: w.message, code: w.code }));
    setFlash(text ? [{ kind: 'ok', text }, ...notes] : notes);
  };
  // The section where the change was tried says why (ReloadNotice); here the item is fetched anew.
  const reload = (_e: ApiError) => {
    setFlash([]);
    load.reload();
  };

  return (
    <article class="detail">
      <header class="detail__head">
        <div class="card__top">
          <span class="code code--big">{item.code}</span>
          <StatusBadge status={item.status} label={item.statusLabel} />
        </div>
        <h1>{item.title}</h1>
        <p><Due dueOn={item.dueOn} overdueDays={item.overdueDays} /></p>
        {item.unit && <p class="muted">{item.unit.name}</p>}
      </header>
      <div aria-live="polite">
        {flash.map((f, i) => <Notice key={i} kind={f.kind}>{f.text}</Notice>)}
      </div>
      {load.state === 'error' && <Problem error={load.error} onRetry={load.reload} />}
      <StatusBlock item={item} />
      <Place item={item} />
      <Checklist item={item} onSaved={(r) => saved(r)} onReload={reload} />
      <EvidenceSection item={item} onSaved={(r) => saved(r)} onReload={reload} />
      {item.actions.length > 0 && (
        <section class="section section--actions">
          <h2>{m.item.actionsTitle}</h2>
          <ActionBar item={item} onReload={reload} componentText={(i) => item.components.find((c) => c.index === i)?.text ?? `#${i + 1}`}
            onDone={(r, a) => { saved(r, m.actionDone[a] ?? m.saved); scrollTo({ top: 0, behavior: 'smooth' }); }} />
        </section>
      )}
      <Rules item={item} />
      <People item={item} />
      <History item={item} />
      <p><A to={{ name: 'items', filter: 'pending' }} class="btn">{m.backToList}</A></p>
    </article>
  );
}

function StatusBlock({ item }: { item: Item }) {
  const { m, lang } = useApp();
  const r = item.lastReturn;
  return (
    <>
      {item.statusNote && item.statusNote !== r?.comment && item.statusNote !== item.notApplicableReason && <p class="status-note">{item.statusNote}</p>}
      {/* Prominent while it is what the status is about (the server's statusNote); afterwards a quiet record. */}
      {r && (
        <section class={`return-box${item.statusNote === r.comment ? '' : ' return-box--past'}`}>
          <h2>{m.item.lastReturn}</h2>
          <p class="return-box__comment">{r.comment}</p>
          <p class="muted small">{r.by ? `${m.item.by(r.by)} · ` : ''}{formatDateTime(r.at, lang)}</p>
        </section>
      )}
      {item.notApplicableReason && (
        <section class="section">
          <h2>{m.item.notApplicable}</h2>
          <p>{item.notApplicableReason}</p>
        </section>
      )}
    </>
  );
}

function Place({ item }: { item: Item }) {
  const { m } = useApp();
  const parts = [
    item.indicator !== null ? m.item.indicator(item.indicator) : null,
    item.subIndicator ? `${item.subIndicator.code} ${item.subIndicator.title}` : null,
    item.group,
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return null;
  return <p class="place">{parts.join(' › ')}</p>;
}

function Rules({ item }: { item: Item }) {
  const { m } = useApp();
  if (!item.scoring && !item.dataPeriod) return null;
  return (
    <section class="section">
      {item.scoring && (<><h2>{m.item.scoring}</h2><p class="prewrap">{item.scoring}</p></>)}
      {item.dataPeriod && (<><h2>{m.item.dataPeriod}</h2><p>{item.dataPeriod}</p></>)}
    </section>
  );
}

function People({ item }: { item: Item }) {
  const { m } = useApp();
  if (item.people.length === 0) return null;
  return (
    <section class="section">
      <h2>{m.item.people}</h2>
      <ul class="people">
        {item.people.map((p) => (
          <li key={`${p.officerId}-${p.role}`}>
            <span class="people__role">{p.roleLabel}</span>
            <span>{p.name}{p.position && <span class="muted"> · {p.position}</span>}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ item }: { item: Item }) {
  const { m, lang } = useApp();
  return (
    <section class="section">
      <h2>{m.item.history}</h2>
      {item.history.length === 0 && <p class="muted">{m.item.noHistory}</p>}
      <ol class="history">
        {item.history.map((h, i) => (
          <li key={i}>
            <span class="muted small">{formatDateTime(h.at, lang)}</span>
            <p>{h.actor && <strong>{h.actor}</strong>} {h.text}</p>
            {h.note && <p class="history__note">{h.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
