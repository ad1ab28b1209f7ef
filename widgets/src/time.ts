/** Relative and clock time for the widgets: a few bytes of Intl, no library. */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * The text, e.g. "5 minutes ago", "in 2 hours" (empty for less than half a minute ago: the caller
 * says "just now"), and when it next changes (epoch ms), for the shared ticker.
 */
export type Relative = [text: string, next: number];

/**
 * `at` relative to `now`, rounded to the nearest unit (minute, hour, day): 119 minutes ahead is
 * "in 2 hours", not "in 1 hour".
 */
export function relative(at: number, now: number, tag: string): Relative {
  const d = at - now;
  const abs = Math.abs(d);
  // the unit is chosen on the rounded value: 59 min 40 s is "1 hour", 23 h 40 min is "1 day"
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    abs < HOUR - MIN / 2 ? ['minute', MIN] : abs < DAY - HOUR / 2 ? ['hour', HOUR] : ['day', DAY];
  const n = Math.round(d / size);
  // the next moment the rounded count changes: half a unit past it (ahead: before it)
  const next = d < 0 ? at + (0.5 - n) * size : at - (n - 0.5) * size + 1;
  // Less than a minute ahead reads "in 1 minute"; under half a minute ago is left to the caller.
  const text =
    n || d > 0 ? new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(n || 1, unit) : '';
  // at least a second ahead, at most a minute (the unit changes meanwhile)
  return [text, Math.min(Math.max(next, now + 1000), now + MIN)];
}

/**
 * "14:05 CET" (or "2:05 PM EST") in the reader's locale and time zone, the zone always named: the
 * widget sits on a customer's page, and a bare clock time does not say whose time it is.
 */
export function clock(at: number, tag: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(tag, timeZone ? { ...options, timeZone } : options).format(at);
  } catch {
    return new Intl.DateTimeFormat(tag, options).format(at); // an unknown zone: the reader's own
  }
}

/**
 * A maintenance window in the reader's locale and time zone, the zone named, and its length:
 * "Sat, Dec 5, 2:00 – 4:00 PM UTC (2 hours)". Without an end, the start alone.
 */
export function timeWindow(start: number, end: number | undefined, tag: string): string {
  const f = new Intl.DateTimeFormat(tag, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  if (!(end! > start)) return f.format(start);
  const min = Math.round((end! - start) / MIN);
  const hours = min >= 60;
  const length = new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: hours ? 'hour' : 'minute',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(hours ? min / 60 : min);
  return `${f.formatRange(start, end!)} (${length})`;
}
