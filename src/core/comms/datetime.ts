/**
 * Private date helpers for messages and review exports. Separate from `src/core/time.ts` (the
 * views' clock and countdown text): these formats name the zone, and a bad zone falls back to UTC
 * rather than to the runtime's own. Not exported from the barrel.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached Intl.DateTimeFormat. A bad locale or time zone from settings must never make a message
 * fail to render, so both fall back (to en-US / UTC) instead of throwing a RangeError.
 */
export function dtf(
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, timeZone ?? '', options]);
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      try {
        f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
      } catch {
        f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
      }
    }
    formats.set(key, f);
  }
  return f;
}

/** `YYYY-MM-DD` of an instant in a zone (en-CA formats dates in ISO order). */
export function dayKey(at: number, timeZone: string | undefined): string {
  return dtf('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `YYYY-MM` of an instant in a zone. */
export function monthKey(at: number, timeZone: string | undefined): string {
  return dayKey(at, timeZone).slice(0, 7);
}

/**
 * A time for a customer-facing sentence: "2:30 PM UTC", with the date added only when it is not
 * the same calendar day as `now` — a bare clock time on another day would mislead the reader.
 */
export function formatClock(
  at: number,
  now: number,
  locale: string,
  timeZone: string | undefined,
): string {
  const sameDay = dayKey(at, timeZone) === dayKey(now, timeZone);
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  return dtf(locale, timeZone, options).format(at);
}

/** A full date and time with the zone, for exports ("15 Mar 2025, 14:02 UTC"). */
export function formatDateTime(at: number, locale: string, timeZone: string | undefined): string {
  return dtf(locale, timeZone, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** A date without time ("15 Mar 2025"), for due dates. */
export function formatDate(at: number, locale: string, timeZone: string | undefined): string {
  return dtf(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
}

/** A time of day without the zone ("14:02"), for timeline rows under a zone heading. */
export function formatTimeOfDay(at: number, locale: string, timeZone: string | undefined): string {
  return dtf(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/**
 * The zone customer-facing text is written in: the status page's own zone when it is a zone Intl
 * knows, else UTC. Never the reader's or the browser's zone, which the customer cannot know.
 */
export function customerTimeZone(pageTimeZone: string | undefined): string {
  const tz = pageTimeZone?.trim();
  if (!tz) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}
