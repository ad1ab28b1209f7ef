import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import type { Sender } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { json, makeKit, spSummary } from '../../background/worker.test-kit';
import { getSetting, settingChanges } from '../../db/settings';
import { attachShared } from '../../db/shared';
import { sharedStore } from '../../../../tests/support/pouch';
import { listSites } from '../../db/sites';
import { listSources } from '../../db/sources';
import { syncManaged } from './sync';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };
const FEED = 'https://status.acme.example/api/v2/summary.json';

async function managedKit(raw: unknown) {
  const kit = await makeKit();
  kit.net.respond = () => json(spSummary([]));
  kit.platform.managed = raw;
  await syncManaged(kit.deps);
  return { kit, h: createHandlers(kit.deps) };
}

describe('the managed configuration applied by the worker', () => {
  test('stores managed sources and sites, marked managed, and registers the overlay', async () => {
    const { kit } = await managedKit({
      sources: [{ name: 'Acme', url: FEED, format: 'statuspage', headers: { 'X-Key': 'k' } }],
      sites: ['acme.zendesk.com'],
    });
    const [source] = await listSources(kit.db);
    expect(source).toMatchObject({ name: 'Acme', url: FEED, managed: true, format: 'statuspage' });
    expect(source?.headers).toEqual({ 'X-Key': 'k' });
    const [site] = await listSites(kit.db);
    expect(site).toMatchObject({
      origin: 'https://acme.zendesk.com',
      managed: true,
      enabled: true,
    });
    expect([...kit.platform.registered]).toEqual(['https://acme.zendesk.com/*']);
  });

  test('refuses to remove, rename or turn off what the organisation set', async () => {
    const { kit, h } = await managedKit({
      sources: [{ name: 'Acme', url: FEED }],
      sites: ['acme.zendesk.com'],
    });
    const [source] = await listSources(kit.db);
    await expect(h['sources/remove']({ id: source!.id }, page)).rejects.toThrow(/organisation/);
    await expect(h['sources/update']({ id: source!.id, name: 'Mine' }, page)).rejects.toThrow(
      /organisation/,
    );
    await expect(h['sites/disable']({ origin: 'https://acme.zendesk.com' }, page)).rejects.toThrow(
      /organisation/,
    );
    expect(await listSources(kit.db)).toHaveLength(1);
    expect((await listSites(kit.db))[0]?.enabled).toBe(true);
  });

  test("the user's own additions sit beside them when allowed, and are refused when not", async () => {
    const allowed = await managedKit({ sources: [{ name: 'Acme', url: FEED }] });
    allowed.kit.clock.now += 60_000;
    const mine = await allowed.h['sources/add'](
      { name: 'Mine', url: 'https://mine.example/api/v2/summary.json', pollSeconds: 60 },
      page,
    );
    expect(mine.managed).toBeUndefined();
    expect((await listSources(allowed.kit.db)).map((s) => s.name)).toEqual(['Acme', 'Mine']);
    await allowed.h['sources/remove']({ id: mine.id }, page);

    const locked = await managedKit({
      sources: [],
      allowUserSources: false,
      allowUserSites: false,
    });
    await expect(
      locked.h['sources/add'](
        { name: 'Mine', url: 'https://mine.example/x.json', pollSeconds: 60 },
        page,
      ),
    ).rejects.toThrow(/organisation/);
    await expect(
      locked.h['sites/enable']({ origin: 'https://mine.example' }, page),
    ).rejects.toThrow(/organisation/);
  });

  test('a source or site the policy dropped is removed, with its overlay; the user’s own stay', async () => {
    const { kit, h } = await managedKit({
      sources: [{ name: 'Acme', url: FEED }],
      sites: ['acme.zendesk.com'],
    });
    await h['sources/add'](
      { name: 'Mine', url: 'https://mine.example/api/v2/summary.json', pollSeconds: 60 },
      page,
    );
    await h['sites/enable']({ origin: 'https://mine.zendesk.com' }, page);
    kit.platform.managed = {};
    await syncManaged(kit.deps);
    expect((await listSources(kit.db)).map((s) => s.name)).toEqual(['Mine']);
    expect((await listSites(kit.db)).map((s) => s.origin)).toEqual(['https://mine.zendesk.com']);
    expect([...kit.platform.registered]).toEqual(['https://mine.zendesk.com/*']);
  });

  test('a site the user had on before the organisation listed it is theirs again when dropped', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    await h['sites/enable']({ origin: 'https://mine.zendesk.com' }, page);
    kit.platform.managed = { sites: ['mine.zendesk.com', 'acme.zendesk.com'] };
    await syncManaged(kit.deps);
    expect((await listSites(kit.db)).every((s) => s.managed)).toBe(true);
    kit.platform.managed = {};
    await syncManaged(kit.deps);
    const sites = await listSites(kit.db);
    expect(sites.map((s) => [s.origin, s.managed, s.enabled])).toEqual([
      ['https://mine.zendesk.com', undefined, true],
    ]);
    expect([...kit.platform.registered]).toEqual(['https://mine.zendesk.com/*']);
  });

  test('a dropped policy, templates and notification defaults are rolled back to the user’s own', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const mine = { ...structuredClone(DEFAULT_POLICY), name: 'My policy' };
    await h['settings/setPolicy']({ policy: mine }, page);
    await h['settings/setTemplate']({ lang: 'en', id: 'banner', text: 'Mine: {{feature}}.' }, page);
    kit.platform.managed = {
      policy: { ...structuredClone(DEFAULT_POLICY), name: 'Acme policy' },
      templates: { en: { banner: 'Acme: {{feature}}.' }, de: { banner: 'Störung: {{feature}}.' } },
      notifications: { newUpdate: false },
    };
    await syncManaged(kit.deps);
    expect((await getSetting(kit.db, 'policy')).name).toBe('Acme policy');
    expect((await getSetting(kit.db, 'templates')).banner).toBe('Acme: {{feature}}.');
    expect((await getSetting(kit.db, 'notifications')).newUpdate).toBe(false);

    // IT drops all of it: no longer enforced, the user's own back, and editable again.
    kit.platform.managed = {};
    await syncManaged(kit.deps);
    const policy = await getSetting(kit.db, 'policy');
    expect(policy.name).toBe('My policy');
    const templates = await getSetting(kit.db, 'templates');
    expect(templates.banner).toBe('Mine: {{feature}}.');
    expect(templates['de:banner']).toBeUndefined();
    expect((await getSetting(kit.db, 'notifications')).newUpdate).toBe(true);
    const saved = await h['settings/setPolicy']({ policy: { ...policy, name: 'Again' } }, page);
    expect(saved.version).toBeGreaterThan(policy.version);
  });

  test('dropping only the policy keeps the other managed values; a notification choice of the user’s stays', async () => {
    const { kit, h } = await managedKit({
      policy: { ...structuredClone(DEFAULT_POLICY), name: 'Acme policy' },
      templates: { en: { banner: 'Acme: {{feature}}.' } },
      notifications: { newUpdate: false },
    });
    await h['settings/setNotifications']({ severityChange: false }, page);
    kit.platform.managed = { templates: { en: { banner: 'Acme: {{feature}}.' } } };
    await syncManaged(kit.deps);
    expect((await getSetting(kit.db, 'policy')).name).toBe(DEFAULT_POLICY.name);
    expect((await getSetting(kit.db, 'templates')).banner).toBe('Acme: {{feature}}.');
    // the organisation's notification default is gone with it; the agent's own choice stays
    expect(await getSetting(kit.db, 'notifications')).toMatchObject({
      newUpdate: true,
      severityChange: false,
    });
  });

  test('applies a valid policy, templates by language and notification defaults; skips what is invalid', async () => {
    const policy = { ...structuredClone(DEFAULT_POLICY), name: 'Acme policy' };
    const { kit } = await managedKit({
      policy,
      templates: { de: { banner: 'Störung bei {{feature}}.' }, en: { update: 'no placeholders' } },
      notifications: { newUpdate: false },
    });
    expect((await getSetting(kit.db, 'policy')).name).toBe('Acme policy');
    const templates = await getSetting(kit.db, 'templates');
    expect(templates['de:banner']).toBe('Störung bei {{feature}}.');
    expect(templates.update).not.toBe('no placeholders');
    expect((await getSetting(kit.db, 'notifications')).newUpdate).toBe(false);
  });

  test('notification defaults follow the organisation’s changes; an agent’s own choice wins', async () => {
    const { kit, h } = await managedKit({ notifications: { role: 'agent', minSeverity: 2 } });
    expect(await getSetting(kit.db, 'notifications')).toMatchObject({
      role: 'agent',
      minSeverity: 2,
    });
    // the agent chooses a severity of their own
    await h['settings/setNotifications']({ minSeverity: 1 }, page);
    // IT changes both defaults
    kit.platform.managed = { notifications: { role: 'comms', minSeverity: 3 } };
    await syncManaged(kit.deps);
    expect(await getSetting(kit.db, 'notifications')).toMatchObject({
      role: 'comms',
      minSeverity: 1,
    });
    // IT drops its defaults: what the agent did not choose is the built-in default again
    kit.platform.managed = {};
    await syncManaged(kit.deps);
    expect(await getSetting(kit.db, 'notifications')).toMatchObject({
      role: 'all',
      minSeverity: 1,
    });
  });

  test('team mode: the managed policy written into the team policy is logged as applied by IT, the agent as its writer', async () => {
    const kit = await makeKit();
    kit.net.respond = () => json(spSummary([]));
    const ann = { name: 'ann', display: 'Ann Agent' };
    attachShared(
      kit.db,
      sharedStore(ann, () => kit.clock.now),
    );
    kit.platform.managed = { policy: { ...structuredClone(DEFAULT_POLICY), name: 'Acme policy' } };
    await syncManaged(kit.deps);
    expect((await getSetting(kit.db, 'policy')).name).toBe('Acme policy');
    const last = (await settingChanges(kit.db, 'policy')).at(-1);
    expect(last).toMatchObject({ author: ann, via: 'managed', keys: ['policy'] });
    // The agent's own save afterwards is theirs again.
    const h = createHandlers(kit.deps);
    kit.platform.managed = {};
    await syncManaged(kit.deps);
    await h['settings/setPolicy'](
      { policy: { ...structuredClone(DEFAULT_POLICY), name: 'Mine' } },
      page,
    );
    expect((await settingChanges(kit.db, 'policy')).at(-1)?.via).toBeUndefined();
  });
});
