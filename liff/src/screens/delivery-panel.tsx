import { formatDate, formatMonth } from '../thai-date.ts';
import type { Delivery } from '../types.ts';
import { Notice, useApp } from '../ui.tsx';

const NOT_AS_PLANNED = ['merged', 'dropped', 'expired', 'failed'] as const;

/**
 * The month's LINE messages on the overview (issue 12): whether pushes are held and until when,
 * the planner's level, the numbers when known, what did not go as planned, and what the admin
 * can do about it. Worded here from the API's data.
 */
export function DeliveryPanel({ d }: { d: Delivery }) {
  const { m, lang } = useApp();
  const t = m.overview.delivery;
  const affected = NOT_AS_PLANNED.filter((s) => d.messages[s] > 0);
  const levelText = d.step === 0 ? t.full : [t.reduced(d.step, d.steps), t.level[d.level]].filter(Boolean).join(': ');
  return (
    <section class="section delivery" data-held={d.held?.reason ?? 'no'} data-level={d.level}>
      <h2>{t.title(formatMonth(d.month, lang))}</h2>
      {d.held ? (
        <Notice kind="error">
          <strong>{t.held[d.held.reason](formatDate(d.held.until, lang, 'long'))}</strong>
          <span>{t.heldMeanwhile}</span>
          <span class="delivery__do">{t.heldDo[d.held.reason][0]} <code>{t.resume}</code> {t.heldDo[d.held.reason][1]}</span>
        </Notice>
      ) : d.step > 0 || d.degraded ? (
        <Notice kind="warn">
          <strong>{levelText}</strong>
          <span>{t.reducedWhy}</span>
          <span class="delivery__do">{t.reducedDo}</span>
        </Notice>
      ) : (
        <Notice kind="ok">{t.full}</Notice>
      )}
      <ul class="delivery__facts">
        {d.held && <li>{t.plannedLevel(levelText)}</li>}
        <li>{d.budget === null || d.remaining === null ? t.unlimited(d.used) : t.used(d.used, d.budget, d.remaining)}</li>
        {d.forecast && <li>{t.forecast(d.forecast.atLevel, d.forecast.full)}</li>}
        {d.forecast?.runsOutOn && <li>{t.runsOut(formatDate(d.forecast.runsOutOn, lang, 'long'))}</li>}
        {d.organizationForecast && <li>{t.ours(d.organizationForecast.atLevel, d.organizationForecast.full)}</li>}
      </ul>
      <h3>{t.notAsPlanned}</h3>
      {affected.length === 0 ? (
        <p class="muted">{t.allAsPlanned}</p>
      ) : (
        <p class="status-counts">
          {affected.map((s) => <span key={s} class={`badge badge--${s}`} data-status={s}>{t.status[s]} {d.messages[s]}</span>)}
        </p>
      )}
      <p class="hint">{t.log}</p>
    </section>
  );
}
