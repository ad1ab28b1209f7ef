import type { ObligationStatus } from '../../../core/types';
import { countdown } from '../../i18n/countdown';
import { t } from '../../i18n/translate';
import { useNow } from '../hooks/use-now';
import { obligationLabel } from '../../i18n/obligation-label';

/** Obligations with a live deadline: not yet met, not standing, with a due time. */
export function liveDeadlines(obligations: readonly ObligationStatus[]): ObligationStatus[] {
  return (
    obligations
      .filter(
        (o) =>
          o.dueAt !== null &&
          (o.state === 'upcoming' || o.state === 'due_soon' || o.state === 'overdue'),
      )
      // soonest first; deadlines that passed before the incident was first seen go last
      .sort(
        (a, b) =>
          Number(a.beforeWatch !== undefined) - Number(b.beforeWatch !== undefined) ||
          (a.dueAt ?? 0) - (b.dueAt ?? 0),
      )
  );
}

/** Whether any of `items` has a live deadline: the views tick only while one does. */
export function anyLiveDeadline(
  items: readonly { obligations: readonly ObligationStatus[] }[],
): boolean {
  return items.some((i) => liveDeadlines(i.obligations).length > 0);
}

/**
 * Live countdowns to each upcoming deadline. The list subscribes to the shared ticker only while
 * it is mounted and has something to count, so a quiet panel runs no timer at all.
 */
export function Deadlines({
  obligations,
  onMarkDone,
}: {
  obligations: readonly ObligationStatus[];
  /** Given: duties an agent does (the customer notification) get a "Mark done" button. */
  onMarkDone?: (o: ObligationStatus) => void;
}) {
  const live = liveDeadlines(obligations);
  const now = useNow(live.length > 0);
  if (live.length === 0) return null;
  return (
    <ul class="deadlines" aria-label={t('deadlines_label')}>
      {live.map((o) => {
        // A deadline that passed before the incident was first seen is not counted as overdue
        // (issue 19, item 10): it says so, in the neutral tone.
        const c = o.beforeWatch
          ? { tone: 'ok' as const, text: t(`countdown_beforeWatch_${o.beforeWatch}`) }
          : countdown(o.dueAt ?? now, now);
        return (
          <li key={`${o.ruleId}|${o.occurrence ?? 0}`}>
            <span>
              {obligationLabel(o)}
              {/* A duty under an unanswered condition of the policy is conditional (item 11). */}
              {o.onlyIf && (
                <span class="cond"> {t('ob_onlyIf_hint', t(`ob_onlyIf_${o.onlyIf}`))}</span>
              )}
            </span>
            {/* the before-watch note is a sentence: it wraps, where a countdown stays one piece */}
            <span class={`cd cd-${c.tone}${o.beforeWatch ? ' cd-note' : ''}`} data-tone={c.tone}>
              {c.text}
            </span>
            {onMarkDone && o.channel === 'customer_email' && (
              <button
                type="button"
                class="secondary"
                aria-label={t('rs_ob_markDoneNamed', obligationLabel(o))}
                onClick={() => onMarkDone(o)}
              >
                {t('rs_ob_markDone')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
