import { t } from './i18n';

/** How urgent a deadline looks: amber under 5 minutes, red once overdue. */
export type CountdownTone = 'ok' | 'soon' | 'overdue';

export interface Countdown {
  tone: CountdownTone;
  /** Always carries the meaning in words ("due in 4:12", "overdue by 2 min"): colour is never alone. */
  text: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The domain's "due soon" window. */
export const SOON_MS = 5 * MINUTE;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A remaining duration. Under an hour it ticks visibly (m:ss) because that is when an agent acts
 * on it; longer spans are rounded to minutes or hours, where seconds would only be noise.
 */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / SECOND));
  if (s < 3600) return `${Math.floor(s / 60)}:${pad(s % 60)}`;
  if (ms < DAY) return t('dur_hoursMinutes', Math.floor(s / 3600), pad(Math.floor((s % 3600) / 60)));
  return t('dur_daysHours', Math.floor(ms / DAY), Math.floor((ms % DAY) / HOUR));
}

/** An elapsed overdue span, coarse on purpose ("2 min"): the fact it is late matters, not the second. */
export function formatOverdue(ms: number): string {
  if (ms < MINUTE) return t('dur_seconds', Math.max(1, Math.floor(ms / SECOND)));
  if (ms < HOUR) return t('dur_minutes', Math.floor(ms / MINUTE));
  if (ms < DAY) return t('dur_hoursMinutes', Math.floor(ms / HOUR), pad(Math.floor((ms % HOUR) / MINUTE)));
  return t('dur_daysHours', Math.floor(ms / DAY), Math.floor((ms % DAY) / HOUR));
}

/** The countdown to `dueAt` at `now`. Exactly at the deadline is still on time (as in the core). */
export function countdown(dueAt: number, now: number): Countdown {
  const left = dueAt - now;
  if (left < 0) return { tone: 'overdue', text: t('countdown_overdue', formatOverdue(-left)) };
  return { tone: left <= SOON_MS ? 'soon' : 'ok', text: t('countdown_dueIn', formatRemaining(left)) };
}
