import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { messagesSource, setMessageSource } from '../../i18n/translate';
import { teamStatusText } from './team-status';

const messages = (lang: string) =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  ) as Record<string, { message: string }>;

afterAll(() => setMessageSource(messagesSource(messages('en'))));

test('a first sync of a large team database says how far it is, in words, in the UI language', () => {
  const syncing = {
    state: 'syncing' as const,
    user: 'cara',
    pending: 0,
    progress: { done: 12_345, total: 210_020 },
  };
  setMessageSource(messagesSource(messages('en')), 'en');
  expect(teamStatusText(syncing)).toBe(
    'Team sync: syncing, 12,345 of 210,020 documents here so far.',
  );
  // Right after connecting, before the first batch: no numbers yet.
  expect(teamStatusText({ ...syncing, progress: undefined })).toBe(
    'Team sync: signed in as cara, syncing…',
  );
  setMessageSource(messagesSource(messages('de')), 'de');
  expect(teamStatusText(syncing)).toBe(
    'Team-Sync: wird synchronisiert, 12.345 von 210.020 Dokumenten sind schon hier.',
  );
});
