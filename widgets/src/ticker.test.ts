import { expect, test } from 'vitest';
import { createTicker } from './ticker';
import { relative } from './time';
import { lang } from './i18n';

function fake() {
  let t = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let id = 0;
  return {
    deps: {
      now: () => t,
      setTimeout: (fn: () => void, ms: number) => (timers.set(++id, { at: t + ms, fn }), id),
      clearTimeout: (i: unknown) => void timers.delete(i as number),
    },
    timers,
    run(to: number) {
      for (;;) {
        const next = [...timers].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > to) break;
        timers.delete(next[0]);
        t = next[1].at;
        next[1].fn();
      }
      t = to;
    },
  };
}

test('one timer for all subscribers, at the nearest change; none when idle or hidden', () => {
  const f = fake();
  let hidden = false;
  const tk = createTicker(f.deps, () => hidden);
  const hits: string[] = [];
  const a = {};
  const b = {};
  tk.set(a, () => (hits.push('a'), 100_000), 60_000);
  tk.set(b, () => (hits.push('b'), undefined), 30_000);
  expect(f.timers.size).toBe(1);
  f.run(30_000);
  expect(hits).toEqual(['b']);
  f.run(60_000);
  expect(hits).toEqual(['b', 'a']);
  hidden = true;
  tk.run();
  expect(f.timers.size).toBe(0);
  hidden = false;
  tk.run();
  expect(f.timers.size).toBe(1);
  tk.delete(a);
  tk.delete(b);
  expect(f.timers.size).toBe(0);
  expect(tk.active).toBe(false);
});

test('relative time: text and the moment it next changes', () => {
  const m = 60_000;
  expect(relative(0, 30_000, 'en')).toEqual({ text: '', next: 60_000 });
  expect(relative(0, 5 * m + 1, 'en')).toEqual({ text: '5 minutes ago', next: 6 * m });
  expect(relative(0, 2 * 60 * m, 'de')).toMatchObject({ text: 'vor 2 Stunden' });
  expect(relative(10 * m, 0, 'en').text).toBe('in 10 minutes');
  expect(relative(30_000, 0, 'en').text).toBe('in 1 minute');
});

test('locales: de complete, others fall back to English entirely', () => {
  expect(lang('de-AT').s.more).toBe('Mehr');
  expect(lang('de-AT').tag).toBe('de-AT');
  expect(lang('fr').s.more).toBe('More');
  expect(lang('fr').tag).toBe('en');
  expect(lang('not a tag!').tag).toBe('en');
  const en = lang('en').s;
  const de = lang('de').s;
  const keys = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
    );
  expect(keys(de)).toEqual(keys(en));
});
