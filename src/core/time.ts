/**
 * Locale-aware time text for countdowns, "5 minutes ago" and clock times. Pure: every
 * function is handed `now` or a duration; none reads the clock. Nothing here throws: an
 * unusable locale falls back to English, an unusable time zone to UTC. The one home of the
 * project's date and clock formats, for views, messages and review exports alike.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/* ------------------------------------------------------------------ messages */

/** Words the time helpers need besides what Intl provides. */
export interface TimeMessages {
  /** `{0}` is the formatted amount of time past the deadline. */
  overdue: string;
}

const CATALOGUE: Record<string, TimeMessages> = {
  en: { overdue: '{0} overdue' },
  de: { overdue: '{0} überfällig' },
};

/** The message catalogue for a locale (by language), English when we have none. */
export function timeMessages(locale: string): TimeMessages {
  const lang = resolveLocale(locale).split('-')[0] ?? 'en';
  const own = Object.prototype.hasOwnProperty.call(CATALOGUE, lang) ? CATALOGUE[lang] : undefined;
  return own ?? (CATALOGUE.en as TimeMessages);
}

/* ------------------------------------------------------------------ locales and formatters */

/** A canonical BCP 47 tag for `locale`, or "en" when it is not a valid tag. */
export function resolveLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Intl constructors are slow; countdowns format every second, so reuse them. */
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const hit = cache.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  if (cache.size > 200) cache.clear();
  const made = make();
  cache.set(key, made);
  return made;
}

function unitFormat(locale: string, unit: string, pad = false): Intl.NumberFormat {
  const loc = resolveLocale(locale);
  return cached(`u|${loc}|${unit}|${pad}`, () => {
    const opts: Intl.NumberFormatOptions = {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      minimumIntegerDigits: pad ? 2 : 1,
      maximumFractionDigits: 0,
    };
    return new Intl.NumberFormat(loc, opts);
  });
}

function digits(locale: string, pad: boolean): Intl.NumberFormat {
  const loc = resolveLocale(locale);
  return cached(
    `n|${loc}|${pad}`,
    () => new Intl.NumberFormat(loc, { minimumIntegerDigits: pad ? 2 : 1, useGrouping: false }),
  );
}

function relative(locale: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const loc = resolveLocale(locale);
  return cached(`r|${loc}|${numeric}`, () => new Intl.RelativeTimeFormat(loc, { numeric }));
}

/**
 * A cached Intl.DateTimeFormat. A bad locale or time zone (from settings, from a feed) must never
 * make a text fail to render: the locale falls back to English, the zone to UTC, never throwing.
 */
export function dtf(
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const loc = resolveLocale(locale);
  return cached(`d|${loc}|${timeZone ?? ''}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.DateTimeFormat(loc, { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(loc, { ...options, timeZone: 'UTC' }); // unknown time zone
    }
  });
}

/** `format(at)`, or '' for a time outside the Date range (NaN, ±Infinity, beyond ±8.64e15). */
function formatSafe(f: Intl.DateTimeFormat, at: number): string {
  if (!Number.isFinite(at)) return '';
  try {
    return f.format(at);
  } catch {
    return '';
  }
}

/* ------------------------------------------------------------------ public helpers */

/**
 * "5 minutes ago" / "in 2 hours" / "vor 5 Minuten"; under a minute either way it is the
 * locale's "now" ("jetzt"). Whole units, truncated (59 min 59 s is "59 minutes ago").
 */
export function formatRelative(at: number, now: number, locale: string): string {
  if (!Number.isFinite(at) || !Number.isFinite(now)) return '';
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return relative(locale, 'auto').format(0, 'second');
  const fmt = relative(locale, 'always');
  const sign = diff < 0 ? -1 : 1;
  if (abs < HOUR) return fmt.format(sign * Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) return fmt.format(sign * Math.floor(abs / HOUR), 'hour');
  if (abs < 30 * DAY) return fmt.format(sign * Math.floor(abs / DAY), 'day');
  if (abs < 365 * DAY) return fmt.format(sign * Math.floor(abs / (30 * DAY)), 'month');
  return fmt.format(sign * Math.floor(abs / (365 * DAY)), 'year');
}

/**
 * Time left until a deadline: "14:59" under an hour, "1 hr 05 min" / "1 Std. 05 Min."
 * under a day, "2 days 3 hr" beyond. Seconds round up while counting down, so it reads
 * "0:00" only at the deadline. Negative `ms` is overdue: "2:30 overdue" / "2:30 überfällig".
 */
export function formatCountdown(ms: number, locale: string): string {
  if (!Number.isFinite(ms)) return '';
  const overdue = ms < 0;
  const total = overdue ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  let text: string;
  if (total < 3600) {
    const m = Math.floor(total / 60);
    text = `${digits(locale, false).format(m)}:${digits(locale, true).format(total % 60)}`;
  } else if (total < 86_400) {
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    text = `${unitFormat(locale, 'hour').format(h)} ${unitFormat(locale, 'minute', true).format(m)}`;
  } else {
    text = largeUnits(total * 1000, locale);
  }
  return overdue ? timeMessages(locale).overdue.replace('{0}', text) : text;
}

/** Days and hours, for spans of a day or more. */
function largeUnits(ms: number, locale: string): string {
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const days = unitFormat(locale, 'day').format(d);
  return h > 0 ? `${days} ${unitFormat(locale, 'hour').format(h)}` : days;
}

/**
 * A length of time: "45 sec", "15 min", "2 hr 15 min" (de "2 Std. 15 Min."), "2 days 3 hr".
 * Rounded to the minute from one minute up; the sign is ignored.
 */
export function formatDuration(ms: number, locale: string): string {
  if (!Number.isFinite(ms)) return '';
  const abs = Math.abs(ms);
  if (abs < MINUTE) return unitFormat(locale, 'second').format(Math.floor(abs / 1000));
  const rounded = Math.round(abs / MINUTE) * MINUTE;
  if (rounded >= DAY) return largeUnits(rounded, locale);
  const h = Math.floor(rounded / HOUR);
  const m = Math.floor((rounded % HOUR) / MINUTE);
  const mins = unitFormat(locale, 'minute').format(m);
  if (h === 0) return mins;
  const hours = unitFormat(locale, 'hour').format(h);
  return m > 0 ? `${hours} ${mins}` : hours;
}

/** Where and how a clock time or a date is written. */
export interface DateTextOptions {
  /** An IANA zone; default the runtime's (the reader's own, in a view). */
  timeZone?: string;
  /**
   * Name the zone ("2:30 PM UTC"). Default true: every time a person reads, in the app or in a
   * message, names its zone, as "14:05" alone is ambiguous across a team. False only where a
   * heading nearby already names it (timeline rows under a zone heading).
   */
  zoneName?: boolean;
}

/** `YYYY-MM-DD` of an instant in a zone (en-CA formats dates in ISO order). */
export function dayKey(at: number, timeZone: string | undefined): string {
  // UTC, the stored totals' zone, without Intl: a bulk write of 10,000 incidents asks it for each
  // (issue 22). The same text for the years it covers; others go through Intl as before.
  if (timeZone === 'UTC' && Number.isFinite(at)) {
    const iso = new Date(at).toISOString();
    if (iso.length === 24 && iso[0] !== '0') return iso.slice(0, 10);
  }
  return formatSafe(
    dtf('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }),
    at,
  );
}

/** `YYYY-MM` of an instant in a zone. */
export function monthKey(at: number, timeZone: string | undefined): string {
  return dayKey(at, timeZone).slice(0, 7);
}

/**
 * Within a day of either edge of its UTC month: in some time zone it falls in the neighbouring
 * month, so totals kept per UTC month hold such entries whole for the reader to place.
 */
export function nearMonthEdge(at: number): boolean {
  const d = new Date(at);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return at - start < DAY || next - at <= DAY;
}

/**
 * Hour and minute with the zone: "2:05 PM UTC", "14:05 MESZ" ("14:05" with `zoneName: false`). Given `now`, the date is
 * added when `at` is not on the same calendar day as `now` ("Mar 16, 2:05 PM UTC"): a bare clock
 * time on another day would mislead the reader.
 */
export function formatClock(
  at: number,
  locale: string,
  { timeZone, zoneName = true, now }: DateTextOptions & { now?: number } = {},
): string {
  const otherDay = now !== undefined && dayKey(at, timeZone) !== dayKey(now, timeZone);
  return formatSafe(
    dtf(locale, timeZone, {
      ...(otherDay ? { month: 'short', day: 'numeric' } : {}),
      hour: 'numeric',
      minute: '2-digit',
      ...(zoneName ? { timeZoneName: 'short' } : {}),
    }),
    at,
  );
}

/**
 * A date and a time with the zone: "May 13, 2026, 2:16 PM UTC" ("13. Mai 2026, 16:16 MESZ"; the
 * month in words, as `dateStyle` cannot name a zone); with `zoneName: false` "May 13, 2026, 2:16 PM".
 */
export function formatDateTime(
  at: number,
  locale: string,
  { timeZone, zoneName = true }: DateTextOptions = {},
): string {
  const options: Intl.DateTimeFormatOptions = zoneName
    ? {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return formatSafe(dtf(locale, timeZone, options), at);
}

/** A date without time ("15 Mar 2025"), for due dates. */
export function formatDate(at: number, locale: string, timeZone?: string): string {
  return formatSafe(dtf(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }), at);
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

/**
 * The UTC offsets of every time zone in use lie between these: Etc/GMT+12 (-12 h) and
 * Pacific/Kiritimati (+14 h). Only local mean times before standard time (the 19th century) lie
 * outside; `zoneOffsetsInRange` tells a reader whose zone does.
 */
const WEST = 12 * 3_600_000;
const EAST = 14 * 3_600_000;

/**
 * Within reach of its UTC month's edges for some zone: less than 12 hours after its start (a
 * zone 12 hours behind UTC still has the month before) or 14 hours or less before its end (a zone
 * 14 hours ahead already has the next one). Anything else is in its UTC month in every zone.
 */
export function nearZoneMonthEdge(at: number): boolean {
  const d = new Date(at);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return at - start < WEST || next - at <= EAST;
}

/**
 * Whether `timeZone` places the first and last instant of each UTC month from `from` to `to`
 * (`YYYY-MM`) that is not near its edges (nearZoneMonthEdge) in that same month: false for a zone
 * whose offset then was beyond -12..+14 h, whose reader cannot trust totals kept that way.
 */
export function zoneOffsetsInRange(timeZone: string, from: string, to: string): boolean {
  const y = Number(from.slice(0, 4));
  const first = Number(from.slice(5, 7)) - 1;
  // Date.UTC carries a month past December into the next year.
  for (let m = first, key = from; key <= to; m++, key = monthKey(Date.UTC(y, m, 1), 'UTC')) {
    const start = Date.UTC(y, m, 1);
    const next = Date.UTC(y, m + 1, 1);
    if (monthKey(start + WEST, timeZone) !== key) return false;
    if (monthKey(next - EAST - 1, timeZone) !== key) return false;
  }
  return true;
}
