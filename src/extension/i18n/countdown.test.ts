import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countdown } from './countdown';
import { messagesSource, setMessageSource } from './translate';

const msgs = (lang: string) =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  );
const due = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('countdown', () => {
  beforeAll(() => setMessageSource(messagesSource(msgs('en'))));
  it('ticks m:ss under an hour and turns amber within 5 minutes', () => {
    expect(countdown(due, due - 4 * 60_000 - 12_000, 'en')).toEqual({
      tone: 'soon',
      text: 'due in 4:12',
    });
    expect(countdown(due, due - 5 * 60_000, 'en').tone).toBe('soon');
    expect(countdown(due, due - 5 * 60_000 - 1000, 'en')).toEqual({
      tone: 'ok',
      text: 'due in 5:01',
    });
  });
  it('is on time exactly at the deadline, then red with words', () => {
    expect(countdown(due, due, 'en')).toEqual({ tone: 'soon', text: 'due in 0:00' });
    expect(countdown(due, due + 2 * 60_000 + 5000, 'en')).toEqual({
      tone: 'overdue',
      text: 'overdue by 2 min',
    });
    expect(countdown(due, due + 30_000, 'en').text).toBe('overdue by 30 sec');
  });
  it('uses hours for long spans and the German strings', () => {
    expect(countdown(due, due - 65 * 60_000, 'en').text).toBe('due in 1 hr 05 min');
    setMessageSource(messagesSource(msgs('de')));
    expect(countdown(due, due + 2 * 60_000, 'de').text).toBe('überfällig seit 2 Min.');
    setMessageSource(messagesSource(msgs('en')));
  });
});
