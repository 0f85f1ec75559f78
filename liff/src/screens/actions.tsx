import { useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import type { Mutation } from '../types.ts';
import { actionLabel, asApiError, Notice, useApp } from '../ui.tsx';
import { InlineError } from './inline-error.tsx';

/** Errors after which the item must be shown afresh (someone else moved it, or it moved on). */
export const RELOAD_CODES = ['STALE_VERSION', 'ILLEGAL_TRANSITION', 'EVIDENCE_REQUIRED'];

type Props = {
  item: { id: number; version: number; actions: string[] };
  onDone(res: Mutation, action: string): void;
  /** The item changed under us: reload it and say why (what the user typed stays here). */
  onReload(error: ApiError): void;
  /** Text of a component by index, to list the unticked ones before an incomplete submit. */
  componentText?: (index: number) => string;
  compact?: boolean;
};

/**
 * The transitions the API allows on an item, as buttons. Return and "not applicable" open a
 * note field first (the contract requires a note for them); a submit the API refuses with
 * INCOMPLETE_COMPONENTS asks for explicit confirmation and is sent again with confirmIncomplete.
 */
export function ActionBar({ item, onDone, onReload, componentText, compact }: Props) {
  const { api, m } = useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [incomplete, setIncomplete] = useState<{ action: string; unticked: number[] } | null>(null);
  const [last, setLast] = useState<{ action: string; confirm: boolean } | null>(null);
  const [reloaded, setReloaded] = useState<ApiError | null>(null);

  if (item.actions.length === 0) return null;

  async function run(action: string, confirmIncomplete = false) {
    setBusy(true);
    setError(null);
    setReloaded(null);
    setLast({ action, confirm: confirmIncomplete });
    const note = notes[action]?.trim();
    try {
      const res = await api.transition(item.id, {
        action,
        version: item.version,
        ...(note ? { note } : {}),
        ...(confirmIncomplete ? { confirmIncomplete: true as const } : {}),
      });
      setOpen(null);
      setIncomplete(null);
      setNotes((n) => ({ ...n, [action]: '' }));
      onDone(res, action);
    } catch (e) {
      const err = asApiError(e);
      if (err.code === 'INCOMPLETE_COMPONENTS') {
        const unticked = Array.isArray(err.details.unticked) ? (err.details.unticked as number[]) : [];
        setIncomplete({ action, unticked });
      } else if (RELOAD_CODES.includes(err.code)) {
        setIncomplete(null);
        setReloaded(err);
        onReload(err);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function press(action: string) {
    if (m.noteFor[action] !== undefined && open !== action) {
      setOpen(action);
      if (action === 'mark_not_applicable' && !notes[action]) setNotes((n) => ({ ...n, [action]: `${m.naPrefix} ` }));
      return;
    }
    void run(action);
  }

  return (
    <div class={`actions${compact ? ' actions--compact' : ''}`}>
      {reloaded && <ReloadNotice error={reloaded} />}
      {incomplete && (
        <div class="confirm" role="alertdialog" aria-labelledby={`inc-${item.id}`}>
          <h3 id={`inc-${item.id}`}>{m.incomplete.title}</h3>
          <p>{m.incomplete.body(incomplete.unticked.length)}</p>
          {componentText && (
            <ul class="confirm__list">{incomplete.unticked.map((i) => <li key={i}>{componentText(i)}</li>)}</ul>
          )}
          <div class="row">
            <button class="btn btn--warn" disabled={busy} onClick={() => run(incomplete.action, true)}>{m.incomplete.confirm}</button>
            <button class="btn" disabled={busy} onClick={() => setIncomplete(null)}>{m.incomplete.cancel}</button>
          </div>
        </div>
      )}
      {open && (
        <div class="field">
          <label for={`note-${item.id}-${open}`}>{m.noteFor[open]}</label>
          <textarea
            id={`note-${item.id}-${open}`}
            rows={3}
            maxLength={1000}
            value={notes[open] ?? ''}
            placeholder={m.notePlaceholder[open]}
            onInput={(e) => setNotes((n) => ({ ...n, [open]: (e.currentTarget as HTMLTextAreaElement).value }))}
          />
          {error && ['REASON_REQUIRED', 'VALIDATION_FAILED'].includes(error.code) && <InlineError error={error} />}
          <div class="row">
            <button class={`btn ${open === 'return' ? 'btn--warn' : 'btn--primary'}`} disabled={busy} onClick={() => run(open)}>
              {busy ? m.saving : m.confirmAction(actionLabel(m, open))}
            </button>
            <button class="btn" disabled={busy} onClick={() => { setOpen(null); setError(null); }}>{m.cancel}</button>
          </div>
        </div>
      )}
      {!open && !incomplete && (
        <div class="row row--wrap">
          {item.actions.map((a) => (
            <button key={a} class={`btn btn--${a === 'return' || a === 'mark_not_applicable' ? 'quiet' : 'primary'}`} data-action={a} disabled={busy} onClick={() => press(a)}>
              {actionLabel(m, a)}
            </button>
          ))}
        </div>
      )}
      {error && !(open && ['REASON_REQUIRED', 'VALIDATION_FAILED'].includes(error.code)) && (
        <InlineError error={error} onRetry={() => last && run(last.action, last.confirm)} />
      )}
    </div>
  );
}

/** Said where the change was tried: the item was reloaded, and why. */
export function ReloadNotice({ error }: { error: ApiError }) {
  const { m } = useApp();
  return <Notice kind="warn"><span data-code={error.code}>{error.code === 'STALE_VERSION' || !error.message ? m.stale : error.message}</span></Notice>;
}
