import { formatCountdown, formatDuration } from '../../core/time';
import { t, uiLocale } from './translate';

/** How urgent a deadline looks: amber under 5 minutes, red once overdue. */
export type CountdownTone = 'ok' | 'soon' | 'overdue';

export interface Countdown {
  tone: CountdownTone;
  /** Always carries the meaning in words ("due in 4:12", "overdue by 2 min"): colour is never alone. */
  text: string;
}

/** The domain's "due soon" window. */
export const SOON_MS = 5 * 60_000;

/**
 * The countdown to `dueAt` at `now`. Exactly at the deadline is still on time (as in the core).
 * Time left ticks visibly (m:ss under an hour, from the core); an overdue span is coarse
 * ("2 min") because that it is late matters, not the second.
 */
export function countdown(dueAt: number, now: number, locale: string = uiLocale()): Countdown {
  const left = dueAt - now;
  if (left < 0)
    return { tone: 'overdue', text: t('countdown_overdue', formatDuration(-left, locale)) };
  return {
    tone: left <= SOON_MS ? 'soon' : 'ok',
    text: t('countdown_dueIn', formatCountdown(left, locale)),
  };
}
