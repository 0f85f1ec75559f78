import { useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import type { Item, Mutation } from '../types.ts';
import { asApiError, useApp } from '../ui.tsx';
import { RELOAD_CODES, ReloadNotice } from './actions.tsx';
import { InlineError } from './inline-error.tsx';

type Props = { item: Item; onSaved(res: Mutation): void; onReload(e: ApiError): void };

/**
 * The catalog's required components as a checklist, sub-points "(1) … (2) …" under each and
 * the `*` notes below, as the catalog writes them. Each tick replaces the whole set on the
 * server (PUT …/components); the answer is what is shown.
 */
export function Checklist({ item, onSaved, onReload }: Props) {
  const { api, m } = useApp();
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState<ApiError | null>(null);
  const [error, setError] = useState<{ e: ApiError; ticked: number[] } | null>(null);

  async function save(ticked: number[]) {
    setBusy(true);
    setError(null);
    setReloaded(null);
    try {
      onSaved(await api.tick(item.id, ticked));
    } catch (e) {
      const err = asApiError(e);
      if (RELOAD_CODES.includes(err.code)) {
        setReloaded(err);
        onReload(err);
      }
      else setError({ e: err, ticked });
    } finally {
      setBusy(false);
    }
  }

  function toggle(index: number, on: boolean) {
    const set = new Set(item.components.filter((c) => c.ticked).map((c) => c.index));
    if (on) set.add(index);
    else set.delete(index);
    void save([...set].sort((a, b) => a - b));
  }

  const ticked = item.components.filter((c) => c.ticked).length;
  return (
    <section class="section" aria-busy={busy}>
      <h2>
        {m.item.components}
        {item.components.length > 0 && <span class="muted"> ({ticked}/{item.components.length})</span>}
      </h2>
      {item.components.length === 0 && <p class="muted">{m.item.noComponents}</p>}
      {item.can.tick && item.components.length > 0 && <p class="hint">{m.item.tickHint}</p>}
      <ul class="checklist">
        {item.components.map((c) => (
          <li key={c.index}>
            <label class={`check${item.can.tick ? '' : ' check--readonly'}`}>
              <input
                type="checkbox"
                checked={c.ticked}
                disabled={!item.can.tick || busy}
                data-component={c.index}
                onChange={(e) => toggle(c.index, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{c.text}</span>
            </label>
            {c.subPoints.length > 0 && (
              <ol class="subpoints">{c.subPoints.map((p, i) => <li key={i}>{p}</li>)}</ol>
            )}
          </li>
        ))}
      </ul>
      {reloaded && <ReloadNotice error={reloaded} />}
      {error && <InlineError error={error.e} onRetry={() => save(error.ticked)} />}
      {item.notes.length > 0 && (
        <div class="notes">{item.notes.map((n, i) => <p key={i}>{n}</p>)}</div>
      )}
    </section>
  );
}
