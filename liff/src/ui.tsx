import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Api } from './api.ts';
import type { Messages } from './messages.ts';
import { href, type Route } from './router.ts';
import { reloginJustTried, type Session } from './session.ts';
import { formatDate } from './thai-date.ts';
import type { Lang } from './types.ts';

export type Ctx = { api: Api; m: Messages; lang: Lang; session: Session };
export const AppContext = createContext<Ctx>(null as unknown as Ctx);
export const useApp = () => useContext(AppContext);

export type Load<T> =
  | { state: 'loading'; data?: T; reload(): void }
  | { state: 'ok'; data: T; reload(): void; set(data: T): void }
  | { state: 'error'; error: ApiError; data?: T; reload(): void };

/** Fetches on mount and when `key` changes; keeps the last data while reloading. */
export function useLoad<T>(fn: () => Promise<T>, key: string): Load<T> {
  const [s, setS] = useState<{ state: 'loading' | 'ok' | 'error'; data?: T; error?: ApiError }>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    setS((p) => ({ state: 'loading', data: p.data }));
    fn().then(
      (data) => n === seq.current && setS({ state: 'ok', data }),
      (e: unknown) => n === seq.current && setS((p) => ({ state: 'error', data: p.data, error: asApiError(e) })),
    );
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setS({ state: 'ok', data }), []);
  if (s.state === 'ok') return { state: 'ok', data: s.data as T, reload, set };
  if (s.state === 'error') return { state: 'error', error: s.error!, data: s.data, reload };
  return { state: 'loading', data: s.data, reload };
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', '');
}

export const isSessionError = (e: ApiError) => e.code === 'INVALID_ID_TOKEN' || e.code === 'ID_TOKEN_EXPIRED';

export function Loading() {
  const { m } = useApp();
  return <p class="loading" role="status">{m.loading}</p>;
}

export function A(props: { to: Route; class?: string; children: ComponentChildren }) {
  return <a href={href(props.to)} class={props.class}>{props.children}</a>;
}

/**
 * A whole-screen problem with a way on: log in again, link the account, retry, or back to the
 * list. Used for every error a screen's load can end in, so no screen is ever left blank.
 */
export function Problem({ error, onRetry, atList }: { error: ApiError; onRetry?: () => void; atList?: boolean }) {
  const { m, session } = useApp();
  const sessionError = isSessionError(error);
  useEffect(() => {
    if (sessionError && !reloginJustTried()) session.relogin();
  }, [sessionError]);
  if (sessionError) {
    return (
      <Panel title={m.problem.SESSION.title} body={m.problem.SESSION.body} code={error.code}>
        <button class="btn btn--primary" onClick={() => session.relogin()}>{m.problem.SESSION.action}</button>
      </Panel>
    );
  }
  if (error.code === 'NOT_LINKED') return <NotLinked error={error} />;
  const known = (m.problem as Record<string, { title: string; body: string }>)[error.code];
  const text = known ?? { title: m.genericError, body: error.message || m.problem.INTERNAL.body };
  const retryable = !['FORBIDDEN', 'NOT_FOUND'].includes(error.code);
  return (
    <Panel title={text.title} body={known && error.message && error.code !== 'NETWORK' ? error.message : text.body} code={error.code}>
      {retryable && onRetry && <button class="btn btn--primary" onClick={onRetry}>{m.retry}</button>}
      {!atList && <A to={{ name: 'items', filter: 'pending' }} class="btn">{m.backToList}</A>}
    </Panel>
  );
}

function NotLinked({ error }: { error: ApiError }) {
  const { m } = useApp();
  const t = m.problem.NOT_LINKED;
  const name = typeof error.details.displayName === 'string' ? error.details.displayName : null;
  return (
    <Panel title={t.title} code={error.code}>
      {name && <p>{t.hello(name)}</p>}
      <p>{t.body}</p>
      <p class="command"><code>{t.command}</code></p>
      <p class="muted">{t.after}</p>
      <button class="btn btn--primary" onClick={() => location.reload()}>{t.reload}</button>
    </Panel>
  );
}

export function Panel(props: { title: string; body?: string; code?: string; children?: ComponentChildren }) {
  return (
    <section class="panel" role="alert" data-code={props.code}>
      <h1>{props.title}</h1>
      {props.body && <p>{props.body}</p>}
      <div class="panel__actions">{props.children}</div>
    </section>
  );
}

/** Status from the API: its label as given, its colour by code (unknown codes stay neutral). */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span class={`badge badge--${status.replace(/[^a-z_]/g, '')}`}>{label}</span>;
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div class="progress" role="progressbar" aria-valuenow={p} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      {/* Set through CSSOM (not a style attribute in markup), which the page's CSP allows. */}
      <div class="progress__bar" style={{ width: `${p}%` }} />
    </div>
  );
}

export function Due({ dueOn, overdueDays }: { dueOn: string | null; overdueDays: number | null }) {
  const { m, lang } = useApp();
  if (!dueOn) return <span class="due muted">{m.noDue}</span>;
  return (
    <span class="due">
      {m.due(formatDate(dueOn, lang))}
      {overdueDays !== null && overdueDays > 0 && <strong class="overdue"> · {m.overdueDays(overdueDays)}</strong>}
    </span>
  );
}

export function Notice({ kind, children }: { kind: 'ok' | 'warn' | 'error'; children: ComponentChildren }) {
  return <p class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</p>;
}

export const actionLabel = (m: Messages, action: string) => m.actions[action] ?? m.actionFallback(action);
