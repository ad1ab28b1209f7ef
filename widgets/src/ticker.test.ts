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
  // rounded to the nearest unit: the text changes half a unit on
  expect(relative(0, 20_000, 'en')).toEqual(['', 30_000]);
  expect(relative(0, 5 * m + 1, 'en')).toEqual(['5 minutes ago', 5.5 * m]);
  expect(relative(0, 5 * m + 40_000, 'en')[0]).toBe('6 minutes ago');
  // 119 minutes ahead is "in 2 hours" (not "in 1 hour"); 59.5 minutes is "in 1 hour"
  expect(relative(119 * m, 0, 'en')[0]).toBe('in 2 hours');
  expect(relative(59.5 * m, 0, 'en')[0]).toBe('in 1 hour');
  expect(relative(0, 23.6 * 60 * m, 'en')[0]).toBe('yesterday');
  expect(relative(0, 2 * 60 * m, 'de')[0]).toBe('vor 2 Stunden');
  expect(relative(10 * m, 0, 'en')[0]).toBe('in 10 minutes');
  expect(relative(30_000, 0, 'en')[0]).toBe('in 1 minute');
});

test('locales: English built in, German loaded on demand, others fall back to English entirely', async () => {
  expect(lang('en-GB')?.tag).toBe('en-GB');
  expect(lang('nl')?.s.more).toBe('More');
  expect(lang('nl')?.tag).toBe('en');
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
  // every built-in language: the same keys, every string filled, and its own words
  for (const tag of ['fr', 'es', 'pt-BR', 'ja']) {
    expect(lang(tag)).toBeUndefined();
    await whenLoaded(tag);
    const c = lang(tag)!.s;
    expect(flat(c).map(([k]) => k)).toEqual(flat(en).map(([k]) => k));
    expect(flat(c).every(([, v]) => v.length > 0)).toBe(true);
    expect(c.link).not.toBe(en.link);
  }
  expect([...flat(en), ...flat(de)].every(([, v]) => v.length > 0)).toBe(true);
  expect(de.status.identified).toBe('Ursache erkannt');
  expect(en.status.verifying).toBe('Verifying');
  expect(en.page.critical).toBe('Major system outage');
  expect(de.component.none).toBe('Betriebsbereit');
  expect(en.updated).toBe('updated {t}');
  expect(de.dismiss).toBe('Schließen: {t}');
});
