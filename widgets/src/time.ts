/** Relative and clock time for the widgets: a few bytes of Intl, no library. */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * The text, e.g. "5 minutes ago", "in 3 hours" (empty for less than a minute ago: the caller says
 * "just now"), and when it next changes (epoch ms), for the shared ticker.
 */
export type Relative = [text: string, next: number];

/** `at` relative to `now`, in the largest whole unit (minute, hour, day). */
export function relative(at: number, now: number, tag: string): Relative {
  const d = at - now;
  const abs = Math.abs(d);
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    abs < HOUR ? ['minute', MIN] : abs < DAY ? ['hour', HOUR] : ['day', DAY];
  const n = Math.trunc(d / size);
  // The next boundary where the truncated count changes (n <= 0 in the past, >= 0 ahead).
  const next = d < 0 ? at + (1 - n) * size : at - n * size + 1;
  // Less than a minute ahead reads "in 1 minute"; less than a minute ago is left to the caller.
  const text =
    n || d > 0 ? new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(n || 1, unit) : '';
  // at least a second ahead
  return [text, Math.max(next, now + 1000)];
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
