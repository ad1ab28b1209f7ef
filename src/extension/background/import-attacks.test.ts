import './i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_RECORDS, REDACTED } from '../db/backup';
import { getSetting } from '../db/settings';
import { loadConnection } from '../db/secrets';
import type { Handlers, Sender } from '../messaging/channel';
import { createHandlers } from './router';
import { json, makeKit, sampleSource, T0, type Kit } from './worker.test-kit';

/** Attacks through a crafted backup file (issue 16 items 1 and 4), through the real import command. */

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };
const KEY = 'real-secret-key-0001';
const ATTACKER = 'http://attacker.example';

async function connected(): Promise<{ kit: Kit; h: Handlers }> {
  const kit = await makeKit();
  kit.net.respond = (url) =>
    url.startsWith('https://api.statuspage.io/')
      ? json(url.endsWith('/components?per_page=100&page=1') ? [] : { id: 'pg1', name: 'Acme' })
      : json({});
  const h = createHandlers(kit.deps);
  const r = await h['statuspage/connect']({ pageId: 'pg1', apiKey: KEY, apiBase: '' }, page);
  expect(r).toMatchObject({ ok: true });
  kit.net.calls = [];
  return { kit, h };
}

/** A backup file with these stores (every other store empty). */
export function backup(stores: Record<string, unknown[]>): string {
  const all = Object.fromEntries(
    [
      ...['sources', 'snapshots', 'feedIncidents', 'sites', 'incidents', 'events'],
      ...['drafts', 'reviews', 'settings', 'notified', 'copiedReplies'],
    ].map((s) => [s, stores[s] ?? []]),
  );
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0,
    stores: all,
  });
}

describe('a crafted backup cannot send the Statuspage API key elsewhere (issue 16 #1)', () => {
  test("the redaction marker with the public page id and the attacker's apiBase: no request leaves with the key", async () => {
    const { kit, h } = await connected();
    const crafted = backup({
      settings: [
        { key: 'statuspage', value: { pageId: 'pg1', apiKey: REDACTED, apiBase: ATTACKER } },
      ],
    });
    const r = await h['data/import']({ json: crafted }, page);
    expect(r).toMatchObject({ ok: true });
    // What the publish form asks for as it opens, then a publish:
    await h['statuspage/components'](null, page);
    const inc = await h['incidents/declare'](
      { title: 'DB down', components: [], publiclyVisible: true },
      page,
    );
    await h['incidents/publish'](
      {
        id: inc.id,
        kind: 'initial',
        text: 'We are investigating.',
        via: 'statuspage',
        target: { status: 'investigating', componentIds: [], componentStatus: 'major_outage' },
      } as never,
      page,
    );
    expect(kit.net.calls.filter((c) => c.url.startsWith(ATTACKER))).toEqual([]);
    const withKey = kit.net.calls.filter((c) =>
      Object.values(c.headers).some((v) => v.includes(KEY)),
    );
    for (const c of withKey) expect(c.url.startsWith('https://api.statuspage.io/')).toBe(true);
    expect((await getSetting(kit.db, 'statuspage'))?.apiBase).not.toBe(ATTACKER);
  });

  test('a backup with a key of its own and any apiBase does not change the connection', async () => {
    const { kit, h } = await connected();
    const crafted = backup({
      settings: [
        { key: 'statuspage', value: { pageId: 'pg2', apiKey: 'theirs', apiBase: ATTACKER } },
      ],
    });
    expect(await h['data/import']({ json: crafted }, page)).toMatchObject({ ok: true });
    expect(await loadConnection(kit.db)).toEqual({
      pageId: 'pg1',
      apiKey: KEY,
      apiBase: 'https://api.statuspage.io',
    });
  });
});

const site = (pattern: string, origin: string) => ({
  pattern,
  origin,
  enabled: true,
  addedAt: T0,
  corner: 'bottom-right',
});
const feedSource = (url: string) => sampleSource({ id: 'src-1', url });

/** Chrome refuses a pattern with a wildcard host in the middle or a bad port, at registration. */
function chromeLike(kit: Kit): void {
  const register = kit.platform.registerOverlay.bind(kit.platform);
  kit.platform.registerOverlay = async (pattern) => {
    if (!/^(https?|\*):\/\/(\*|(\*\.)?[^*/:]+)(:\d{1,5})?\/.*$|^<all_urls>$/.test(pattern))
      throw new Error(`Invalid url pattern '${pattern}'`);
    await register(pattern);
  };
}

describe('an import is checked whole before anything is written (issue 16 #4)', () => {
  async function withData(): Promise<{ kit: Kit; h: Handlers }> {
    const kit = await makeKit();
    chromeLike(kit);
    kit.net.respond = () => json({ status: { indicator: 'none' }, components: [], incidents: [] });
    const h = createHandlers(kit.deps);
    await h['sources/add'](
      { name: 'Mine', url: 'https://status.mine.test/api/v2/summary.json', pollSeconds: 60 },
      page,
    );
    return { kit, h };
  }

  test.each([
    ['<all_urls>', 'https://acme.test'],
    ['*://*/*', 'https://acme.test'],
    ['https://*.zendesk.com/*', 'https://acme.zendesk.com'],
    ['https://acme.test/*', 'https://evil.test'],
    ['https://ac*me.test/*', 'https://acme.test'],
    ['https://acme.test:99999/*', 'https://acme.test:99999'],
  ])('site pattern %s is refused and the stored data stays', async (pattern, origin) => {
    const { kit, h } = await withData();
    const r = await h['data/import']({ json: backup({ sites: [site(pattern, origin)] }) }, page);
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringContaining('stores.sites[0].pattern'),
    });
    expect((await kit.db.getAll('sources')).map((s) => s.name)).toEqual(['Mine']);
    expect([...kit.platform.registered]).toEqual([]);
  });

  test.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@x.test/', 'https://'])(
    'source URL %s is refused and the stored data stays',
    async (url) => {
      const { kit, h } = await withData();
      const r = await h['data/import']({ json: backup({ sources: [feedSource(url)] }) }, page);
      expect(r).toMatchObject({
        ok: false,
        error: expect.stringContaining('stores.sources[0].url'),
      });
      expect((await kit.db.getAll('sources')).map((s) => s.name)).toEqual(['Mine']);
    },
  );

  test('one incident with more events than the responder ever records is refused (issue 16 #14)', async () => {
    const { kit, h } = await withData();
    const events = (n: number, incidentId: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${incidentId}-${i}`,
        incidentId,
        type: 'note',
        at: i + 1,
        text: 'x',
      }));
    const r = await h['data/import']({ json: backup({ events: events(5_001, 'big') }) }, page);
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'stores.events: incident "big" has 5001 events; at most 5000 per incident are read.',
      ),
    });
    expect((await kit.db.getAll('sources')).map((s) => s.name)).toEqual(['Mine']);
    expect(await kit.db.count('timeline')).toBe(0);
    // at the bound, and spread over incidents, it is read
    const ok = await h['data/import'](
      { json: backup({ events: [...events(5_000, 'a'), ...events(5_000, 'b')] }) },
      page,
    );
    expect(ok).toMatchObject({ ok: true });
  });

  test('a registration failure after the data was replaced is reported beside a successful import', async () => {
    const { kit, h } = await withData();
    kit.platform.registerOverlay = async (p) => {
      if (p.includes('broken')) throw new Error('Could not register');
      kit.platform.registered.add(p);
    };
    const r = await h['data/import'](
      {
        json: backup({
          sites: [
            site('https://broken.test/*', 'https://broken.test'),
            site('https://fine.test/*', 'https://fine.test'),
          ],
        }),
      },
      page,
    );
    expect(r).toMatchObject({
      ok: true,
      notes: [expect.stringMatching(/could not be registered for https:\/\/broken\.test\/\*/)],
    });
    expect(kit.platform.registered.has('https://fine.test/*')).toBe(true);
    expect(await kit.db.count('sources')).toBe(0); // replaced, as the result says
  });

  test('limits: too many sources, too many records, too large a file, each in words', async () => {
    const { kit, h } = await withData();
    const many = Array.from({ length: 201 }, (_, i) => ({
      ...feedSource('https://x.test/'),
      id: `s${i}`,
    }));
    expect(await h['data/import']({ json: backup({ sources: many }) }, page)).toMatchObject({
      ok: false,
      error: expect.stringContaining('stores.sources: 201 records; at most 200'),
    });
    const notified = Array.from({ length: MAX_BACKUP_RECORDS + 1 }, (_, i) => ({
      key: `k${i}`,
      at: T0,
    }));
    expect(await h['data/import']({ json: backup({ notified }) }, page)).toMatchObject({
      ok: false,
      error: expect.stringContaining(`more than ${MAX_BACKUP_RECORDS} records`),
    });
    const huge = backup({}).replace('"stores"', `"pad":"${'x'.repeat(50_000_001)}","stores"`);
    expect(await h['data/import']({ json: huge }, page)).toMatchObject({
      ok: false,
      error: expect.stringContaining('too large'),
    });
    expect(await kit.db.count('sources')).toBe(1);
  });
});
