import { useEffect } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { reloginJustTried } from '../session.ts';
import { A, isSessionError, useApp } from '../ui.tsx';

/**
 * A failed change, shown where it happened, with a way on: log in again (and come back here),
 * back to the list (forbidden / not found), or dismiss and try again.
 */
export function InlineError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { m, session } = useApp();
  const sessionError = isSessionError(error);
  useEffect(() => {
    if (sessionError && !reloginJustTried()) session.relogin();
  }, [sessionError]);
  const known = (m.problem as Record<string, { title: string; body: string } | undefined>)[error.code];
  const text = error.message || known?.body || m.genericError;
  return (
    <div class="notice notice--error" role="alert" data-code={error.code}>
      <p>{known && error.code !== 'NOT_LINKED' ? <strong>{known.title}: </strong> : null}{sessionError ? m.problem.SESSION.body : text}</p>
      <div class="row row--wrap">
        {sessionError && <button class="btn btn--primary" onClick={() => session.relogin()}>{m.problem.SESSION.action}</button>}
        {!sessionError && onRetry && !['FORBIDDEN', 'NOT_FOUND'].includes(error.code) && (
          <button class="btn" onClick={onRetry}>{m.retry}</button>
        )}
        {['FORBIDDEN', 'NOT_FOUND', 'NOT_LINKED'].includes(error.code) && (
          <A to={{ name: 'items', filter: 'pending' }} class="btn">{m.backToList}</A>
        )}
      </div>
    </div>
  );
}
