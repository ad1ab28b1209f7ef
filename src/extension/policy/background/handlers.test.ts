import { useCatalogue } from '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { setDeadline } from '../../../core/policy-edit';
import type { Sender } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { makeKit } from '../../background/worker.test-kit';
import { getSetting } from '../../db/settings';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };

describe('saving the policy', () => {
  test('stores a valid policy as a new version', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const saved = await h['settings/setPolicy'](
      { policy: { ...setDeadline(DEFAULT_POLICY, 2, 'status_page', 30), name: 'Ours' } },
      page,
    );
    expect(saved.version).toBe(DEFAULT_POLICY.version + 1);
    expect((await getSetting(kit.db, 'policy')).name).toBe('Ours');
  });

  test('refuses an invalid one with validatePolicy’s messages, and keeps the old', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    await expect(
      h['settings/setPolicy']({ policy: setDeadline(DEFAULT_POLICY, 2, 'status_page', -1) }, page),
    ).rejects.toThrow('levels[1].obligations[2].dueMinutes must be a number ≥ 0');
    expect(await getSetting(kit.db, 'policy')).toEqual(DEFAULT_POLICY);
  });

  test('refuses any change while the organisation sets the policy', async () => {
    const kit = await makeKit();
    kit.platform.managed = { policy: DEFAULT_POLICY };
    const h = createHandlers(kit.deps);
    await expect(h['settings/setPolicy']({ policy: DEFAULT_POLICY }, page)).rejects.toThrow(
      /organisation/,
    );
  });
});

describe('saving a template', () => {
  afterEach(() => useCatalogue('en'));

  test('refuses an update without the three elements, then takes one with them', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
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
      useCatalogue(lang as 'en' | 'de');
      const kit = await makeKit();
      const h = createHandlers(kit.deps);
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
    useCatalogue('de');
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const text = `{{feature}} {{statusPageUrl}} ${'x'.repeat(10_000)}`;
    await expect(
      h['settings/setTemplate']({ lang: 'en', id: 'banner', text }, page),
    ).rejects.toThrow('Nicht gespeichert: Die Vorlage ist zu lang: höchstens 10.000 Zeichen.');
  });

  test('the team’s holding line for agents: saved as written (no placeholders), removed with null', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
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
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
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

  test('refuses a template the organisation set', async () => {
    const kit = await makeKit();
    kit.platform.managed = { templates: { en: { banner: 'Issue with {{feature}}.' } } };
    const h = createHandlers(kit.deps);
    await expect(
      h['settings/setTemplate']({ lang: 'en', id: 'banner', text: 'Mine {{feature}}' }, page),
    ).rejects.toThrow(/organisation/);
  });
});
