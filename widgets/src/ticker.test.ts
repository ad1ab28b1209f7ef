// @vitest-environment happy-dom
import { expect, test, vi } from 'vitest';
import { schedule } from './ticker';
import { relative } from './time';
import { ACTIVE, COMPONENT, DISMISS, lang, MORE, PAGE, SEVERITY, UPDATED } from './i18n';
import { OPEN_STATUSES, RANKS } from '../../src/core/feed/levels';

test('one timer for all subscribers, at the nearest change; none when idle or hidden', () => {
  vi.useFakeTimers({ now: 0 });
  let hidden = false;
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
  const visibility = (h: boolean) => {
    hidden = h;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const hits: string[] = [];
  // a subscriber's re-render subscribes it again, as the banner's does
  const a = { requestUpdate: () => (hits.push('a'), schedule(a, Date.now() + 100_000)) };
  const b = { requestUpdate: () => void hits.push('b') };
  schedule(a, 60_000);
  schedule(b, 30_000);
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(30_000);
  expect(hits).toEqual(['b']);
  vi.advanceTimersByTime(30_000);
  expect(hits).toEqual(['b', 'a']);
  visibility(true);
  expect(vi.getTimerCount()).toBe(0);
  // no wake-up while hidden, and what fell due meanwhile runs as soon as the page shows
  vi.setSystemTime(200_000);
  expect(hits).toEqual(['b', 'a']);
  visibility(false);
  expect(hits).toEqual(['b', 'a', 'a']);
  expect(vi.getTimerCount()).toBe(1);
  schedule(a);
  schedule(b);
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

test('relative time: text and the moment it next changes', () => {
  const m = 60_000;
  expect(relative(0, 30_000, 'en')).toEqual(['', 60_000]);
  expect(relative(0, 5 * m + 1, 'en')).toEqual(['5 minutes ago', 6 * m]);
  expect(relative(0, 2 * 60 * m, 'de')[0]).toBe('vor 2 Stunden');
  expect(relative(10 * m, 0, 'en')[0]).toBe('in 10 minutes');
  expect(relative(30_000, 0, 'en')[0]).toBe('in 1 minute');
});

test('locales: de complete, others fall back to English entirely', () => {
  expect(lang('de-AT').s[MORE]).toBe('Mehr');
  expect(lang('de-AT').tag).toBe('de-AT');
  expect(lang('en-GB').tag).toBe('en-GB');
  expect(lang('fr').s[MORE]).toBe('More');
  expect(lang('fr').tag).toBe('en');
  expect(lang('not a tag!').tag).toBe('en');
  expect(lang(undefined).tag).toBe('en');
  const en = lang('en').s;
  const de = lang('de').s;
  // every position filled, in both: statuses, two label sets, severities, then the single strings
  expect(en).toHaveLength(ACTIVE + 1);
  expect(en).toHaveLength(OPEN_STATUSES.length + 2 * RANKS.length + 4 + 9);
  expect(de).toHaveLength(en.length);
  expect([...en, ...de].every(Boolean)).toBe(true);
  const status = (s: readonly string[], st: string) => s[OPEN_STATUSES.indexOf(st)];
  expect(status(de, 'identified')).toBe('Ursache erkannt');
  expect(status(en, 'verifying')).toBe('Verifying');
  expect(status(de, 'in_progress')).toBe('Läuft');
  // closed items are never shown: no label
  expect(status(en, 'resolved')).toBeUndefined();
  expect(status(en, 'nonsense')).toBeUndefined();
  const rank = (i: string) => RANKS.indexOf(i);
  expect(en[PAGE + rank('unknown')]).toBe('Status unknown');
  expect(en[PAGE + rank('critical')]).toBe('Major system outage');
  expect(de[COMPONENT + rank('none')]).toBe('Betriebsbereit');
  expect(en[COMPONENT + rank('critical')]).toBe('Major outage');
  expect(en[SEVERITY + rank('maintenance')]).toBe('Maintenance');
  expect(de[SEVERITY + rank('critical')]).toBe('Kritischer Vorfall');
  expect(en[UPDATED]).toBe('updated {t}');
  expect(de[DISMISS]).toBe('Schließen');
});
