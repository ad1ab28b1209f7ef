// @vitest-environment happy-dom
import { expect, test, vi } from 'vitest';
import { schedule } from './ticker';
import { relative } from './time';
import { lang, whenLoaded } from './i18n';

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

test('locales: English built in, German loaded on demand, others fall back to English entirely', async () => {
  expect(lang('en-GB')?.tag).toBe('en-GB');
  expect(lang('fr')?.s.more).toBe('More');
  expect(lang('fr')?.tag).toBe('en');
  expect(lang('not a tag!')?.tag).toBe('en');
  expect(lang(undefined)?.tag).toBe('en');
  // German is not in the bundle's first file: not there until asked for
  expect(lang('de-AT')).toBeUndefined();
  await whenLoaded('de-AT');
  expect(lang('de-AT')?.s.more).toBe('Mehr');
  expect(lang('de-AT')?.tag).toBe('de-AT');
  const en = lang('en')!.s;
  const de = lang('de')!.s;
  // every string filled, in both, with the same keys
  const flat = (c: object): [string, string][] =>
    Object.entries(c).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [[k, v] as [string, string]]
        : flat(v as object).map(([k2, v2]): [string, string] => [`${k}.${k2}`, v2]),
    );
  expect(flat(de).map(([k]) => k)).toEqual(flat(en).map(([k]) => k));
  expect([...flat(en), ...flat(de)].every(([, v]) => v.length > 0)).toBe(true);
  expect(de.status.identified).toBe('Ursache erkannt');
  expect(en.status.verifying).toBe('Verifying');
  expect(en.page.critical).toBe('Major system outage');
  expect(de.component.none).toBe('Betriebsbereit');
  expect(en.severity.maintenance).toBe('Maintenance');
  expect(de.severity.critical).toBe('Kritischer Vorfall');
  expect(en.updated).toBe('updated {t}');
  expect(de.dismiss).toBe('Schließen');
});
