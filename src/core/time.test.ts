import { describe, expect, it } from 'vitest';
import {
  dayKey,
  formatClock,
  formatCountdown,
  formatDateTime,
  formatDuration,
  formatRelative,
  timeMessages,
  resolveLocale,
} from './time';

/** Frozen clock: 2026-05-13 14:16:00 UTC. */
const NOW = Date.parse('2026-05-13T14:16:00Z');
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Intl output may use narrow no-break spaces; compare on plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatRelative', () => {
  it.each([
    [0, 'now', 'jetzt'],
    [-59 * S, 'now', 'jetzt'],
    [30 * S, 'now', 'jetzt'],
    [-5 * M, '5 minutes ago', 'vor 5 Minuten'],
    [-(5 * M + 59 * S), '5 minutes ago', 'vor 5 Minuten'],
    [-M, '1 minute ago', 'vor 1 Minute'],
    [10 * M, 'in 10 minutes', 'in 10 Minuten'],
    [-2 * H, '2 hours ago', 'vor 2 Stunden'],
    [-59 * M - 59 * S, '59 minutes ago', 'vor 59 Minuten'],
    [-D, '1 day ago', 'vor 1 Tag'],
    [-3 * D, '3 days ago', 'vor 3 Tagen'],
    [-60 * D, '2 months ago', 'vor 2 Monaten'],
    [-800 * D, '2 years ago', 'vor 2 Jahren'],
  ])('%d ms → en %j, de %j', (offset, en, de) => {
    expect(formatRelative(NOW + offset, NOW, 'en')).toBe(en);
    expect(formatRelative(NOW + offset, NOW, 'de')).toBe(de);
  });

  it('returns an empty string for non-finite times', () => {
    expect(formatRelative(NaN, NOW, 'en')).toBe('');
    expect(formatRelative(NOW, Infinity, 'en')).toBe('');
  });
});

describe('formatCountdown', () => {
  it.each([
    [15 * M, '15:00', '15:00'],
    [14 * M + 59 * S + 1, '15:00', '15:00'], // rounds up while counting down
    [14 * M + 59 * S, '14:59', '14:59'],
    [1, '0:01', '0:01'],
    [0, '0:00', '0:00'],
    [59 * M + 59 * S, '59:59', '59:59'],
    [H + 5 * M, '1 hr 05 min', '1 Std. 05 Min.'],
    [2 * H + 15 * M + 30 * S, '2 hr 15 min', '2 Std. 15 Min.'],
    [2 * D + 3 * H, '2 days 3 hr', '2 Tg. 3 Std.'],
    [-(2 * M + 30 * S), '2:30 overdue', '2:30 überfällig'],
    [-(H + M), '1 hr 01 min overdue', '1 Std. 01 Min. überfällig'],
    [-1, '0:00 overdue', '0:00 überfällig'],
  ])('%d ms → en %j, de %j', (ms, en, de) => {
    expect(plain(formatCountdown(ms, 'en'))).toBe(en);
    expect(plain(formatCountdown(ms, 'de'))).toBe(de);
  });

  it('counts down from a deadline measured against a frozen now', () => {
    const due = NOW + 15 * M;
    expect(formatCountdown(due - NOW, 'en')).toBe('15:00');
    expect(formatCountdown(due - (NOW + 16 * M), 'en')).toBe('1:00 overdue');
  });

  it('returns an empty string for non-finite input', () => {
    expect(formatCountdown(NaN, 'en')).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * S, '45 sec', '45 Sek.'],
    [15 * M, '15 min', '15 Min.'],
    [2 * H + 15 * M, '2 hr 15 min', '2 Std. 15 Min.'],
    [2 * H + 14 * M + 40 * S, '2 hr 15 min', '2 Std. 15 Min.'],
    [3 * H, '3 hr', '3 Std.'],
    [-(2 * H + 15 * M), '2 hr 15 min', '2 Std. 15 Min.'],
    [2 * D + 3 * H, '2 days 3 hr', '2 Tg. 3 Std.'],
    [2 * D, '2 days', '2 Tg.'],
  ])('%d ms → en %j, de %j', (ms, en, de) => {
    expect(plain(formatDuration(ms, 'en'))).toBe(en);
    expect(plain(formatDuration(ms, 'de'))).toBe(de);
  });
});

describe('formatClock / formatDateTime', () => {
  it('formats in the given time zone, and names it', () => {
    expect(plain(formatClock(NOW, 'en', { timeZone: 'UTC' }))).toBe('2:16 PM UTC');
    expect(formatClock(NOW, 'de', { timeZone: 'UTC' })).toBe('14:16 UTC');
    expect(formatClock(NOW, 'de', { timeZone: 'Europe/Berlin' })).toBe('16:16 MESZ');
    expect(plain(formatClock(NOW, 'en-US', { timeZone: 'America/New_York' }))).toBe('10:16 AM EDT');
  });

  it('formats date and time, with the zone', () => {
    expect(plain(formatDateTime(NOW, 'en', { timeZone: 'UTC' }))).toBe('May 13, 2026, 2:16 PM UTC');
    expect(formatDateTime(NOW, 'de', { timeZone: 'Europe/Berlin' })).toBe(
      '13. Mai 2026, 16:16 MESZ',
    );
  });

  it('uses the runtime zone (pinned to UTC in tests) when none or a bad one is given, and names it', () => {
    expect(formatClock(NOW, 'de')).toBe('14:16 UTC');
    expect(formatClock(NOW, 'de', { timeZone: 'Mars/Olympus_Mons' })).toBe('14:16 UTC');
  });

  it('leaves the zone out only when asked (rows under a zone heading)', () => {
    const bare = { timeZone: 'UTC', zoneName: false };
    expect(plain(formatClock(NOW, 'en', bare))).toBe('2:16 PM');
    expect(formatClock(NOW, 'de', { timeZone: 'Europe/Berlin', zoneName: false })).toBe('16:16');
    expect(plain(formatDateTime(NOW, 'en', bare))).toBe('May 13, 2026, 2:16 PM');
    expect(formatDateTime(NOW, 'de', { timeZone: 'Europe/Berlin', zoneName: false })).toBe(
      '13.05.2026, 16:16',
    );
    expect(formatClock(NOW, 'de', { zoneName: false, timeZone: 'Mars/Olympus_Mons' })).toBe(
      '14:16',
    );
  });

  it('names the zone and adds the date of another day for text read elsewhere', () => {
    const opts = { timeZone: 'Europe/Berlin', zoneName: true, now: NOW };
    expect(plain(formatClock(NOW, 'en', opts))).toBe('4:16 PM GMT+2');
    expect(plain(formatClock(NOW + 9 * 3_600_000, 'en', opts))).toBe('May 14, 1:16 AM GMT+2');
    expect(plain(formatClock(NOW, 'en', { zoneName: true, timeZone: 'Mars/Olympus_Mons' }))).toBe(
      '2:16 PM UTC',
    );
    expect(plain(formatDateTime(NOW, 'en', { timeZone: 'UTC', zoneName: true }))).toBe(
      'May 13, 2026, 2:16 PM UTC',
    );
  });

  it('returns an empty string for times out of range', () => {
    expect(formatClock(NaN, 'en')).toBe('');
    expect(formatDateTime(8.64e15 + 1, 'en')).toBe('');
  });
});

describe('locales', () => {
  it('falls back to English for invalid tags and never throws', () => {
    expect(resolveLocale('!!not a locale')).toBe('en');
    expect(resolveLocale('EN-us')).toBe('en-US');
    for (const bad of ['', '!!', 'x'.repeat(100), 'de-DE-u-ca-nonsense-xx']) {
      expect(() => formatRelative(NOW - 5 * M, NOW, bad)).not.toThrow();
      expect(() => formatCountdown(-5 * M, bad)).not.toThrow();
      expect(() => formatDuration(5 * M, bad)).not.toThrow();
      expect(() => formatClock(NOW, bad, { timeZone: 'nope', zoneName: true })).not.toThrow();
      expect(() => formatDateTime(NOW, bad)).not.toThrow();
    }
    expect(formatRelative(NOW - 5 * M, NOW, '!!')).toBe('5 minutes ago');
  });

  it('a valid but unsupported locale formats in a fallback, with English messages', () => {
    expect(formatCountdown(-5 * M, 'xx-YY')).toBe('5:00 overdue');
    expect(timeMessages('de-AT').overdue).toBe('{0} überfällig');
    expect(timeMessages('fr').overdue).toBe('{0} overdue');
  });
});

describe('dayKey', () => {
  it('writes a UTC day as Intl writes it, for every instant tried (its quick path: issue 22)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const instants = [
      ...[0, -1, 1, D - 1, D, Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59)],
      ...Array.from({ length: 500 }, (_, i) => NOW - 400 * D + i * 19 * H + i * 7 * M + i),
    ];
    for (const at of instants) expect(dayKey(at, 'UTC')).toBe(intl.format(at));
    expect(dayKey(NaN, 'UTC')).toBe('');
    expect(dayKey(Date.UTC(2026, 0, 31, 23, 30), 'Europe/Berlin')).toBe('2026-02-01');
  });
});
