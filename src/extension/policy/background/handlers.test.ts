import { useCatalogue } from '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { setDeadline, setWidespreadPercent } from '../../../core/policy-edit';
import type { Sender } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { makeKit } from '../../background/worker.test-kit';
import { getSetting } from '../../db/settings';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };

/** The worker's handlers for a user reading `lang`, with what the organisation sets (`managed`). */
async function handlersIn(lang: 'en' | 'de', managed: unknown = {}) {
  useCatalogue(lang);
  const kit = await makeKit();
  kit.platform.managed = managed;
  return { kit, h: createHandlers(kit.deps) };
}

afterEach(() => useCatalogue('en'));

describe('saving the policy', () => {
  test('stores a valid policy as a new version', async () => {
    const { kit, h } = await handlersIn('en');
    const saved = await h['settings/setPolicy'](
      { policy: { ...setDeadline(DEFAULT_POLICY, 2, 'status_page', 30), name: 'Ours' } },
      page,
    );
    expect(saved.version).toBe(DEFAULT_POLICY.version + 1);
    expect((await getSetting(kit.db, 'policy')).name).toBe('Ours');
  });

  // A negative deadline and a share of users over 100: each named as Options → Policy labels the
  // field, with the limit it broke, in the user's language (not validatePolicy's path and English).
  const broken = setWidespreadPercent(setDeadline(DEFAULT_POLICY, 2, 'status_page', -1), 150);

  test.each([
    [
      'en',
      'Not saved: “Widespread impact: share of active users (%) above which a significant feature outage is SEV-2” must be a number greater than 0 and less than 100. ' +
        '“SEV-2 (Major), Public status page updated: minutes after classification” must be 0 or more.',
    ],
    [
      'de',
      'Nicht gespeichert: „Breite Auswirkung: Anteil der aktiven Nutzer (%), über dem der Ausfall einer wesentlichen Funktion SEV-2 ist“ muss eine Zahl größer als 0 und kleiner als 100 sein. ' +
        '„SEV-2 (Major), Public status page updated: Minuten nach der Einstufung“ muss 0 oder größer sein.',
    ],
  ])(
    'refuses an invalid one in the user’s language (%s), as the editor words it, and keeps the old',
    async (lang, message) => {
      const { kit, h } = await handlersIn(lang as 'en' | 'de');
      const save = h['settings/setPolicy']({ policy: broken }, page);
      await expect(save).rejects.toThrow(message);
      await expect(save).rejects.not.toThrow(/levels\[|dueMinutes|widespreadPercent|≥/);
      expect(await getSetting(kit.db, 'policy')).toEqual(DEFAULT_POLICY);
    },
  );

  test('a payload without a policy is refused in the user’s words too (German)', async () => {
    const { h } = await handlersIn('de');
    await expect(h['settings/setPolicy']({} as never, page)).rejects.toThrow(
      'Nicht gespeichert: „Richtlinie“ muss eine Gruppe von Einstellungen sein (ein Objekt).',
    );
  });

  test.each([
    ['en', 'Your organisation sets the policy; it cannot be changed here.'],
    ['de', 'Ihre Organisation legt die Richtlinie fest; sie kann hier nicht geändert werden.'],
  ])(
    'refuses any change while the organisation sets the policy, in the user’s language (%s)',
    async (lang, message) => {
      const { h } = await handlersIn(lang as 'en' | 'de', { policy: DEFAULT_POLICY });
      await expect(h['settings/setPolicy']({ policy: DEFAULT_POLICY }, page)).rejects.toThrow(
        message,
      );
    },
  );
});

describe('saving a template', () => {
  test('refuses an update without the three elements, then takes one with them', async () => {
    const { kit, h } = await handlersIn('en');
    await expect(
      h['settings/setTemplate']({ lang: 'en', id: 'update', text: 'We are on it.' }, page),
    ).rejects.toThrow('{{impacted}}');
    const text = 'Affected: {{impacted}}. Learned: {{learned}}. Next: {{nextUpdateTime}}.';
    await h['settings/setTemplate']({ lang: 'de', id: 'update', text }, page);
    expect((await getSetting(kit.db, 'templates'))['de:update']).toBe(text);
    await h['settings/setTemplate']({ lang: 'de', id: 'update', text: null }, page);
    expect((await getSetting(kit.db, 'templates'))['de:update']).toBeUndefined();
  });

  test.each([
    [
      'en',
      'Not saved: {{featur}} is not a placeholder of this template. It can use: {{feature}}, {{statusPageUrl}}.',
    ],
    [
      'de',
      'Nicht gespeichert: {{featur}} ist kein Platzhalter dieser Vorlage. Möglich sind: {{feature}}, {{statusPageUrl}}.',
    ],
  ])(
    'its own refusal (an editor that did not check first) is in the user’s language (%s), as the editor words it',
    async (lang, message) => {
      const { kit, h } = await handlersIn(lang as 'en' | 'de');
      const before = await getSetting(kit.db, 'templates');
      const text = 'Degraded: {{featur}}. Status: {{statusPageUrl}}';
      const save = h['settings/setTemplate']({ lang: 'en', id: 'banner', text }, page);
      await expect(save).rejects.toThrow(message);
      // not the core's English with the template's id
      await expect(save).rejects.not.toThrow(/Unknown placeholder|"banner"/);
      expect(await getSetting(kit.db, 'templates')).toEqual(before);
    },
  );

  test('a template over 10,000 characters is refused in the same words as the editor’s (German)', async () => {
    const { h } = await handlersIn('de');
    const text = `{{feature}} {{statusPageUrl}} ${'x'.repeat(10_000)}`;
    await expect(
      h['settings/setTemplate']({ lang: 'en', id: 'banner', text }, page),
    ).rejects.toThrow('Nicht gespeichert: Die Vorlage ist zu lang: höchstens 10.000 Zeichen.');
  });

  test('the team’s holding line for agents: saved as written (no placeholders), removed with null', async () => {
    const { kit, h } = await handlersIn('en');
    await h['settings/setTemplate'](
      { lang: 'en', id: 'holding_line', text: 'We are looking into it and will update you.' },
      page,
    );
    expect((await getSetting(kit.db, 'templates')).holding_line).toBe(
      'We are looking into it and will update you.',
    );
    await h['settings/setTemplate']({ lang: 'en', id: 'holding_line', text: null }, page);
    expect((await getSetting(kit.db, 'templates')).holding_line).toBeUndefined();
  });

  test('the holding line has one text per language: the German one is its own, the English one stays', async () => {
    const { kit, h } = await handlersIn('en');
    await h['settings/setTemplate'](
      { lang: 'en', id: 'holding_line', text: 'We are looking into it.' },
      page,
    );
    await h['settings/setTemplate'](
      { lang: 'de', id: 'holding_line', text: 'Wir sehen uns das an.' },
      page,
    );
    const templates = await getSetting(kit.db, 'templates');
    expect(templates.holding_line).toBe('We are looking into it.');
    expect(templates['de:holding_line']).toBe('Wir sehen uns das an.');
  });

  test.each([
    ['en', 'Your organisation sets this template; it cannot be changed here.'],
    ['de', 'Ihre Organisation legt diese Vorlage fest; sie kann hier nicht geändert werden.'],
  ])(
    'refuses a template the organisation set, in the user’s language (%s)',
    async (lang, message) => {
      const managed = { templates: { en: { banner: 'Issue with {{feature}}.' } } };
      const { h } = await handlersIn(lang as 'en' | 'de', managed);
      await expect(
        h['settings/setTemplate']({ lang: 'en', id: 'banner', text: 'Mine {{feature}}' }, page),
      ).rejects.toThrow(message);
    },
  );
});
