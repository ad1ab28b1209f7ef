import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { messagesSource, setMessageSource } from '../../i18n/translate';
import { sourceErrorText } from './source-errors';

const load = (lang: string) =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  ) as Record<string, { message: string }>;

describe('source errors in the German UI (issue 19, item 13)', () => {
  setMessageSource(messagesSource(load('de')), 'de');
  afterAll(() => setMessageSource(messagesSource(load('en')), 'en'));

  it.each([
    ['The server answered HTTP 404.', 'der Server antwortete mit HTTP 404'],
    [
      'This is not a status feed: not a Statuspage payload.',
      'die Antwort ist kein Status-Feed: kein Feed im Format Statuspage',
    ],
    [
      'The response is not a status feed: markup that is not an Atom or RSS feed (an HTML error or login page?).',
      'die Antwort ist kein Status-Feed: eine Webseite, kein Atom- oder RSS-Feed (eine Fehler- oder Anmeldeseite?)',
    ],
    [
      'The server answered 304 to a plain request.',
      'der Server antwortete auf eine einfache Anfrage mit 304 (nicht geändert)',
    ],
    ['The feed redirected more than 5 times.', 'der Feed leitete mehr als 5-mal um'],
  ])('%s', (english, german) => {
    expect(sourceErrorText(english)).toBe(german);
  });
});
