import { useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { formatDateTime } from '../thai-date.ts';
import type { Evidence, Item, Mutation } from '../types.ts';
import { asApiError, useApp } from '../ui.tsx';
import { RELOAD_CODES, ReloadNotice } from './actions.tsx';
import { InlineError } from './inline-error.tsx';

type Props = { item: Item; onSaved(res: Mutation): void; onReload(e: ApiError): void };
const FIELD_CODES = ['URL_INVALID', 'URL_DUPLICATE', 'VALIDATION_FAILED'];

/** Evidence links: add (URL + optional description), edit a description, remove. */
export function EvidenceSection({ item, onSaved, onReload }: Props) {
  const { api, m } = useApp();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState<ApiError | null>(null);
  const [error, setError] = useState<{ e: ApiError; retry: () => void } | null>(null);

  async function call(fn: () => Promise<Mutation>, after?: () => void) {
    setBusy(true);
    setError(null);
    setReloaded(null);
    try {
      onSaved(await fn());
      after?.();
    } catch (e) {
      const err = asApiError(e);
      if (RELOAD_CODES.includes(err.code)) {
        setReloaded(err);
        onReload(err);
      }
      else setError({ e: err, retry: () => call(fn, after) });
    } finally {
      setBusy(false);
    }
  }

  const add = (e: Event) => {
    e.preventDefault();
    void call(() => api.addEvidence(item.id, url.trim(), label.trim() || undefined), () => { setUrl(''); setLabel(''); });
  };
  const fieldError = error && FIELD_CODES.includes(error.e.code) ? error.e : null;

  return (
    <section class="section" aria-busy={busy}>
      <h2>{m.evidence.title}</h2>
      {item.evidence.length === 0 && <p class="muted">{m.evidence.none}</p>}
      <ul class="evidence">
        {item.evidence.map((ev) => (
          <EvidenceRow key={ev.id} ev={ev} editable={item.can.editEvidence} busy={busy}
            onLabel={(l) => call(() => api.editEvidence(item.id, ev.id, l))}
            onRemove={() => call(() => api.removeEvidence(item.id, ev.id))} />
        ))}
      </ul>
      {reloaded && <ReloadNotice error={reloaded} />}
      {error && !fieldError && <InlineError error={error.e} onRetry={error.retry} />}
      {item.can.editEvidence && (
        <form class="add-evidence" onSubmit={add} noValidate>
          <div class="field">
            <label for="evidence-url">{m.evidence.url}</label>
            <input id="evidence-url" name="url" type="url" inputMode="url" autoComplete="off" required maxLength={2048}
              placeholder={m.evidence.urlPlaceholder} value={url} aria-invalid={fieldError ? 'true' : undefined}
              onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
            {fieldError && <p class="field__error" role="alert" data-code={fieldError.code}>{fieldError.message || m.genericError}</p>}
          </div>
          <div class="field">
            <label for="evidence-label">{m.evidence.label}</label>
            <input id="evidence-label" name="label" type="text" maxLength={200} placeholder={m.evidence.labelPlaceholder}
              value={label} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button class="btn btn--primary" type="submit" disabled={busy || url.trim() === ''}>{busy ? m.saving : m.evidence.add}</button>
        </form>
      )}
    </section>
  );
}

type RowProps = { ev: Evidence; editable: boolean; busy: boolean; onLabel(l: string | null): void; onRemove(): void };

function EvidenceRow({ ev, editable, busy, onLabel, onRemove }: RowProps) {
  const { m, lang } = useApp();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState(ev.label ?? '');
  return (
    <li class="evidence__row" data-evidence-id={ev.id}>
      {ev.label && !editing && <p class="evidence__label">{ev.label}</p>}
      <a class="evidence__url" href={ev.url} target="_blank" rel="noopener noreferrer">{ev.url}</a>
      {ev.warning && <p class="notice notice--warn">{ev.warning.message}</p>}
      {ev.health && !ev.health.ok && <p class="notice notice--warn" data-health={ev.health.state}>{m.evidence.broken(ev.health.label, formatDateTime(ev.health.checkedAt, lang))}</p>}
      {ev.addedBy && <p class="muted small">{m.evidence.addedBy(ev.addedBy, formatDateTime(ev.createdAt, lang))}</p>}
      {editing && (
        <div class="field">
          <label for={`label-${ev.id}`}>{m.evidence.label}</label>
          <input id={`label-${ev.id}`} type="text" maxLength={200} value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
          <div class="row">
            <button class="btn btn--primary" disabled={busy} onClick={() => { onLabel(draft.trim() || null); setEditing(false); }}>{m.save}</button>
            <button class="btn" onClick={() => { setEditing(false); setDraft(ev.label ?? ''); }}>{m.cancel}</button>
          </div>
        </div>
      )}
      {confirming && (
        <div class="confirm">
          <p>{m.evidence.removeConfirm}</p>
          <div class="row">
            <button class="btn btn--warn" disabled={busy} onClick={() => { setConfirming(false); onRemove(); }}>{m.evidence.remove}</button>
            <button class="btn" onClick={() => setConfirming(false)}>{m.cancel}</button>
          </div>
        </div>
      )}
      {editable && !editing && !confirming && (
        <div class="row">
          <button class="btn btn--small" onClick={() => setEditing(true)}>{m.evidence.editLabel}</button>
          <button class="btn btn--small btn--quiet" onClick={() => setConfirming(true)}>{m.evidence.remove}</button>
        </div>
      )}
    </li>
  );
}
