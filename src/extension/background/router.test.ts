import './i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { eventsOf, getIncident, putEvents } from '../db/incidents';
import { getSetting, setSetting } from '../db/settings';
import { getSource, listSources } from '../db/sources';
import type { Handlers, Sender } from '../messaging/channel';
import { createHandlers, withRefresh } from './router';
import { MAX_EVENTS_PER_INCIDENT } from '../responder/background/incidents';
import { refresh } from './refresh';
import { checkGrants, syncSites } from '../sites/background/registration';
import { json, makeKit, MIN, spIncident, spSummary, T0, type Kit } from './worker.test-kit';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };
const FEED = 'https://status.acme.test/api/v2/summary.json';

async function setup(): Promise<{ kit: Kit; h: Handlers }> {
  const kit = await makeKit();
  kit.net.respond = () => json(spSummary([spIncident('a')]), { headers: { etag: '"1"' } });
  return { kit, h: createHandlers(kit.deps) };
}

describe('sources', () => {
  test('add stores, polls once and answers with the polled record', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: ' Acme ', url: FEED, pollSeconds: 5 }, page);
    expect(s).toMatchObject({
      name: 'Acme',
      url: FEED,
      pollSeconds: 30,
      lastOkAt: T0,
      etag: '"1"',
      failures: 0,
    });
    expect((await kit.db.get('snapshots', s.id))?.feed.incidents).toHaveLength(1);
    expect(kit.platform.badge?.text).toBe('S2');
  });

  test("a status page's address finds its feed, in add, update and test", async () => {
    const { kit, h } = await setup();
    // a status page: HTML at its address, the feed under /api/v2/
    const summary = json(spSummary([spIncident('a')]));
    kit.net.respond = (url) =>
      url.endsWith('/api/v2/summary.json')
        ? summary.clone()
        : new Response('<html>', { headers: { 'content-type': 'text/html' } });
    const s = await h['sources/add'](
      { name: 'Acme', url: 'https://status.acme.test', pollSeconds: 60 },
      page,
    );
    expect(s).toMatchObject({ url: FEED, lastOkAt: T0 });
    const moved = await h['sources/update']({ id: s.id, url: 'https://other.test/' }, page);
    expect(moved.url).toBe('https://other.test/api/v2/summary.json');
    expect(await h['sources/test']({ url: 'https://status.acme.test/' }, page)).toMatchObject({
      ok: true,
      url: FEED,
      incidents: 1,
    });
    // not a site root: used as given, however it answers
    expect(await h['sources/test']({ url: 'https://status.acme.test/history' }, page)).toEqual({
      ok: false,
      url: 'https://status.acme.test/history',
      error:
        'This is not a status feed: markup that is not an Atom or RSS feed (an HTML error or login page?).',
    });
    // a feed served at a site root stays there
    kit.net.respond = () => summary.clone();
    expect(await h['sources/test']({ url: 'https://feed.acme.test/' }, page)).toMatchObject({
      ok: true,
      url: 'https://feed.acme.test/',
    });
    // neither answers: the error is the address's own
    kit.net.respond = () => new Response('nope', { status: 404 });
    expect(await h['sources/test']({ url: 'https://gone.acme.test' }, page)).toMatchObject({
      ok: false,
      url: 'https://gone.acme.test/',
    });
  });

  test('add refuses a missing name or a non-http URL', async () => {
    const { h } = await setup();
    await expect(h['sources/add']({ name: '', url: FEED, pollSeconds: 60 }, page)).rejects.toThrow(
      'The name is required.',
    );
    await expect(
      h['sources/add']({ name: 'x', url: 'ftp://a/b', pollSeconds: 60 }, page),
    ).rejects.toThrow(/http/);
  });

  test('update renames; a new URL forgets the old feed and polls the new one', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    expect((await h['sources/update']({ id: s.id, name: 'Acme EU' }, page)).name).toBe('Acme EU');
    kit.net.respond = () => json(spSummary([]));
    const moved = await h['sources/update'](
      { id: s.id, url: 'https://other.test/summary.json' },
      page,
    );
    expect(moved.etag).toBeUndefined();
    expect((await kit.db.get('snapshots', s.id))?.feed.incidents).toEqual([]);
    expect(kit.net.calls.at(-1)?.url).toBe('https://other.test/summary.json');
    expect(kit.platform.removed).toContain('https://status.acme.test/*');
    await expect(h['sources/update']({ id: 'nope' }, page)).rejects.toThrow(/no longer exists/);
  });

  test('remove deletes its data and gives the origin back, unless a site uses it', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    kit.platform.granted.add('https://status.acme.test/*');
    await h['sites/enable']({ origin: 'https://status.acme.test' }, page);
    await h['sources/remove']({ id: s.id }, page);
    expect(await getSource(kit.db, s.id)).toBeUndefined();
    expect(await kit.db.get('snapshots', s.id)).toBeUndefined();
    expect(kit.platform.removed).toEqual([]);
    expect(kit.platform.overlay?.incidents).toEqual([]);
  });

  test('test reports what the feed holds, or a clear error, and stores nothing', async () => {
    const { kit, h } = await setup();
    expect(await h['sources/test']({ url: FEED }, page)).toMatchObject({
      ok: true,
      kind: 'summary',
      incidents: 1,
      components: 1,
    });
    kit.net.respond = () => new Response('<html>', { headers: { 'content-type': 'text/html' } });
    expect(await h['sources/test']({ url: FEED }, page)).toEqual({
      ok: false,
      url: FEED,
      error:
        'This is not a status feed: markup that is not an Atom or RSS feed (an HTML error or login page?).',
    });
    kit.net.respond = () => json({ hello: 1 });
    expect(await h['sources/test']({ url: FEED }, page)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This is not a status feed: not a Statuspage payload/),
    });
    expect(await kit.db.count('sources')).toBe(0);
  });

  test('pollNow polls before the interval is up', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 600 }, page);
    const before = kit.net.calls.length; // the check before saving, then the first poll
    kit.clock.now += MIN;
    await h['sources/pollNow']({ id: s.id }, page);
    expect(kit.net.calls).toHaveLength(before + 1);
    expect((await getSource(kit.db, s.id))?.lastPollAt).toBe(T0 + MIN);
  });
});

describe('sites', () => {
  test('enable stores and registers for the origin, port included; disable unregisters and gives it back', async () => {
    const { kit, h } = await setup();
    kit.platform.granted.add('https://help.acme.test:8443/*');
    const site = await h['sites/enable']({ origin: 'https://help.acme.test:8443' }, page);
    expect(site).toMatchObject({
      pattern: 'https://help.acme.test:8443/*',
      enabled: true,
      corner: 'bottom-right',
      revoked: false,
    });
    expect(kit.platform.registered).toEqual(new Set(['https://help.acme.test:8443/*']));
    // the projection every page can read names no site; a page asks for its own corner
    expect(JSON.stringify(kit.platform.overlay)).not.toContain('help.acme.test');
    expect(await h['sites/getCorner']({ origin: 'https://help.acme.test:8443' }, page)).toBe(
      'bottom-right',
    );
    await h['sites/disable']({ origin: 'https://help.acme.test:8443' }, page);
    expect(kit.platform.registered.size).toBe(0);
    expect(kit.platform.removed).toEqual(['https://help.acme.test:8443/*']);
    expect((await kit.db.get('sites', 'https://help.acme.test:8443/*'))?.enabled).toBe(false);
    // the open tabs get the overlay, and lose it, without a reload
    expect(kit.platform.inTabs).toEqual([
      '+https://help.acme.test:8443/*',
      '-https://help.acme.test:8443/*',
    ]);
  });

  test('enable without host access registers but touches no open tab', async () => {
    const { kit, h } = await setup();
    const site = await h['sites/enable']({ origin: 'https://help.acme.test' }, page);
    expect(site.revoked).toBe(true);
    expect(kit.platform.inTabs).toEqual([]);
  });

  test('the Statuspage API host goes back on disconnect, and stays while connected', async () => {
    const { kit, h } = await setup();
    const conn = { pageId: 'pg1', apiKey: 'k'.repeat(32), apiBase: 'https://status.acme.test' };
    await setSetting(kit.db, 'statuspage', conn);
    // a source on that origin comes and goes: the connection still needs the access
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    await h['sources/remove']({ id: s.id }, page);
    expect(kit.platform.removed).toEqual([]);
    await h['statuspage/disconnect'](null, page);
    expect(await getSetting(kit.db, 'statuspage')).toBeNull();
    expect(kit.platform.removed).toEqual(['https://status.acme.test/*']);
  });

  test('disable keeps the origin when a source uses it', async () => {
    const { kit, h } = await setup();
    await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    await h['sites/enable']({ origin: 'https://status.acme.test' }, page);
    await h['sites/disable']({ origin: 'https://status.acme.test' }, page);
    expect(kit.platform.removed).toEqual([]);
  });

  test('enable refuses non-web origins', async () => {
    const { h } = await setup();
    await expect(h['sites/enable']({ origin: 'chrome://extensions' }, page)).rejects.toThrow(
      /http and https/,
    );
  });

  test('overlay/get: a page gets the projection only for its own turned-on, granted site (issue 16, item 15)', async () => {
    const { kit, h } = await setup();
    await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    kit.platform.granted.add('https://help.acme.test/*');
    await h['sites/enable']({ origin: 'https://help.acme.test' }, page);
    const from = (url: string): Sender => ({ id: 'ext', url, tab: { id: 1 } as Sender['tab'] });
    const own = await h['overlay/get'](null, from('https://help.acme.test/t/1'));
    expect(own?.incidents.length).toBeGreaterThan(0);
    expect(own).toEqual(kit.platform.overlay);
    // a site the agent never turned on, another port of the same host, a page without a URL
    expect(await h['overlay/get'](null, from('https://evil.test/'))).toBeNull();
    expect(await h['overlay/get'](null, from('https://help.acme.test:8443/'))).toBeNull();
    expect(await h['overlay/get'](null, { id: 'ext', tab: { id: 1 } as Sender['tab'] })).toBeNull();
    // access revoked in the browser: nothing either
    kit.platform.granted.clear();
    await checkGrants(kit.deps);
    expect(await h['overlay/get'](null, from('https://help.acme.test/t/1'))).toBeNull();
    // turned off: nothing
    kit.platform.granted.add('https://help.acme.test/*');
    await checkGrants(kit.deps);
    await h['sites/disable']({ origin: 'https://help.acme.test' }, page);
    expect(await h['overlay/get'](null, from('https://help.acme.test/t/1'))).toBeNull();
    // the extension's own pages see it
    expect(await h['overlay/get'](null, page)).toEqual(kit.platform.overlay);
  });

  test('setCorner: a page may set its own site only', async () => {
    const { h } = await setup();
    await h['sites/enable']({ origin: 'https://help.acme.test' }, page);
    const tab: Sender = {
      id: 'ext',
      url: 'https://help.acme.test/t/1',
      tab: { id: 1 } as Sender['tab'],
    };
    await h['sites/setCorner']({ origin: 'https://help.acme.test', corner: 'top-left' }, tab);
    expect(await h['sites/getCorner']({ origin: 'https://help.acme.test' }, tab)).toBe('top-left');
    await expect(h['sites/getCorner']({ origin: 'https://evil.test' }, tab)).rejects.toThrow(
      /own site/,
    );
    // the options page, open in a tab, may read any site's corner
    const optionsTab: Sender = { ...page, tab: { id: 2 } as Sender['tab'] };
    expect(await h['sites/getCorner']({ origin: 'https://help.acme.test' }, optionsTab)).toBe(
      'top-left',
    );
    await expect(
      h['sites/setCorner']({ origin: 'https://evil.test', corner: 'top-left' }, tab),
    ).rejects.toThrow(/own site/);
    await expect(
      h['sites/setCorner']({ origin: 'https://help.acme.test', corner: 'middle' as never }, tab),
    ).rejects.toThrow(/corner/);
  });

  test('a revoked permission is detected and marked; re-granting clears it; restart re-registers', async () => {
    const { kit, h } = await setup();
    kit.platform.granted.add('https://help.acme.test/*');
    await h['sites/enable']({ origin: 'https://help.acme.test' }, page);
    kit.platform.granted.clear();
    await checkGrants(kit.deps);
    expect((await kit.db.get('sites', 'https://help.acme.test/*'))?.revoked).toBe(true);
    kit.platform.granted.add('https://help.acme.test/*');
    kit.platform.registered.clear(); // a browser restart drops registrations
    kit.platform.registered.add('https://stale.test/*');
    await syncSites(kit.deps);
    expect(kit.platform.registered).toEqual(new Set(['https://help.acme.test/*']));
    expect((await kit.db.get('sites', 'https://help.acme.test/*'))?.revoked).toBe(false);
  });

  test('a site stored before patterns carried the port moves to its own origin on start-up', async () => {
    const { kit } = await setup();
    // as an older version (or a backup of one) stored localhost:3000: every port of localhost
    await kit.db.put('sites', {
      pattern: 'http://localhost/*',
      origin: 'http://localhost:3000',
      enabled: true,
      addedAt: T0,
      corner: 'top-left',
    });
    kit.platform.granted.add('http://localhost:3000/*');
    kit.platform.registered.add('http://localhost/*');
    await syncSites(kit.deps);
    expect(kit.platform.registered).toEqual(new Set(['http://localhost:3000/*']));
    expect(await kit.db.get('sites', 'http://localhost/*')).toBeUndefined();
    expect(await kit.db.get('sites', 'http://localhost:3000/*')).toMatchObject({
      origin: 'http://localhost:3000',
      corner: 'top-left',
    });
    expect((await kit.db.get('sites', 'http://localhost:3000/*'))?.revoked).toBeFalsy();
  });
});

describe('replies and settings', () => {
  test('replies/copied is stored and projected', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    await h['replies/copied'](
      { sourceId: s.id, incidentId: 'a', updateId: 'a-u1', text: 'Hi there' },
      page,
    );
    expect(kit.platform.overlay?.incidents[0]?.copied).toMatchObject({
      text: 'Hi there',
      stale: false,
    });
    // copied before the incident had any update: tracked, and stale once there is one
    await h['replies/copied'](
      { sourceId: s.id, incidentId: 'a', updateId: '', text: 'Hi, early' },
      page,
    );
    expect(kit.platform.overlay?.incidents[0]?.copied).toMatchObject({
      text: 'Hi, early',
      stale: true,
    });
  });

  test('support records: matched tickets (once each) and copied replies, as counts and times only', async () => {
    const { kit, h } = await setup();
    kit.net.respond = () => json(spSummary([spIncident('a', { impact: 'major' })]));
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    const ticket = 'ab'.repeat(16);
    await h['support/ticketMatched']({ sourceId: s.id, incidentId: 'a', ticket }, page);
    kit.clock.now += MIN;
    await h['support/ticketMatched']({ sourceId: s.id, incidentId: 'a', ticket }, page);
    await h['support/ticketMatched'](
      { sourceId: s.id, incidentId: 'a', ticket: 'cd'.repeat(16) },
      page,
    );
    await h['replies/copied'](
      { sourceId: s.id, incidentId: 'a', updateId: 'a-u1', text: 'Dear Globex, checkout is down' },
      page,
    );
    const rec = await kit.db.get('feedIncidents', `${s.id}|a`);
    expect(rec?.support).toEqual([
      { kind: 'ticket_matched', at: kit.clock.now - MIN, ticket },
      { kind: 'ticket_matched', at: kit.clock.now, ticket: 'cd'.repeat(16) },
      { kind: 'reply_copied', at: kit.clock.now },
    ]);
    expect(JSON.stringify(rec?.support)).not.toContain('Globex');
    // A key that could carry ticket text is refused.
    await expect(
      h['support/ticketMatched']({ sourceId: s.id, incidentId: 'a', ticket: 'Globex #42' }, page),
    ).rejects.toThrow(/ticket/);
  });

  test('feed/markDone: the customer notification of a feed incident is met when the agent says so', async () => {
    const { kit, h } = await setup();
    kit.net.respond = () => json(spSummary([spIncident('a', { impact: 'critical' })]));
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    const email = () =>
      kit.platform.overlay?.incidents[0]?.obligations.find((o) => o.ruleId === 'customer_email');
    kit.clock.now += 45 * MIN;
    await refresh(kit.deps);
    expect(email()?.state).toBe('overdue');
    const mark = { sourceId: s.id, incidentId: 'a', obligationId: 'customer_email' };
    await h['feed/markDone'](mark, page);
    expect(email()).toMatchObject({ state: 'met_late', metAt: kit.clock.now });
    // a second click does not move it
    kit.clock.now += MIN;
    await h['feed/markDone'](mark, page);
    expect(email()?.metAt).toBe(kit.clock.now - MIN);
    await expect(
      h['feed/markDone']({ ...mark, obligationId: 'status_page' }, page),
    ).rejects.toThrow(/not a duty an agent can mark done/);
    await expect(h['feed/markDone']({ ...mark, incidentId: 'nope' }, page)).rejects.toThrow(
      /no longer listed/,
    );
  });

  test('a page cannot store replies for incidents that do not exist, or 300 big ones (issue 16, item 15)', async () => {
    const { kit, h } = await setup();
    const s = await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    const big = 'x'.repeat(20_000);
    // the attack: 300 made-up incidents, each with a 20 kB "copied reply"
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        h['replies/copied'](
          { sourceId: s.id, incidentId: `fake${i}`, updateId: '', text: big },
          page,
        ),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await kit.db.count('copiedReplies')).toBe(0);
    await expect(
      h['replies/copied']({ sourceId: s.id, incidentId: 'a', updateId: 'a-u1', text: big }, page),
    ).rejects.toThrow(/too long/);
    await expect(
      h['replies/copied'](
        { sourceId: 'nope', incidentId: 'a', updateId: 'a-u1', text: 'Hi' },
        page,
      ),
    ).rejects.toThrow(/source is not listed/);
    await expect(
      h['replies/copied'](
        { sourceId: s.id, incidentId: 'a', updateId: 'made-up', text: 'Hi' },
        page,
      ),
    ).rejects.toThrow(/one of the incident's updates/);
    await expect(
      h['feed/markDone'](
        { sourceId: 'nope', incidentId: 'a', obligationId: 'customer_email' },
        page,
      ),
    ).rejects.toThrow(/source is not listed/);
  });

  test('settings/setNotifications merges toggles and checks them', async () => {
    const { kit, h } = await setup();
    expect(await h['settings/setNotifications']({ newUpdate: false }, page)).toMatchObject({
      newUpdate: false,
      newIncident: true,
    });
    expect((await getSetting(kit.db, 'notifications')).newUpdate).toBe(false);
    await expect(
      h['settings/setNotifications']({ newIncident: 'yes' as never }, page),
    ).rejects.toThrow(/true or false/);
  });
});

/** Declares "DB down" and classifies it SEV-1 (nobody can reach the core service). */
async function declareSev1(h: Handlers) {
  const inc = await h['incidents/declare'](
    { title: 'DB down', components: [], publiclyVisible: true },
    page,
  );
  await h['incidents/classify'](
    { id: inc.id, answers: { noUserCanAccessCore: true }, severity: 1 },
    page,
  );
  return inc;
}

describe('responder incidents', () => {
  test('declare, classify (override needs a reason), reclassify, record, edit with reasons', async () => {
    const { kit, h } = await setup();
    const inc = await h['incidents/declare'](
      {
        title: 'Login down',
        components: ['Login'],
        publiclyVisible: true,
        startedAt: T0 - 5 * MIN,
      },
      page,
    );
    expect(inc).toMatchObject({
      status: 'open',
      severity: null,
      startedAt: T0 - 5 * MIN,
      declaredAt: T0,
    });
    const answers = { noUserCanAccessCore: true };
    await expect(
      h['incidents/classify']({ id: inc.id, answers, severity: 3 }, page),
    ).rejects.toThrow(/needs a reason/);
    expect(
      (await h['incidents/classify']({ id: inc.id, answers, severity: 1 }, page)).severity,
    ).toBe(1);
    kit.clock.now += MIN;
    await h['incidents/classify'](
      { id: inc.id, answers, severity: 2, overrideReason: 'Only EU affected' },
      page,
    );
    const events = await eventsOf(kit.db, inc.id);
    expect(events.map((e) => [e.type, e.severity, e.text])).toEqual([
      ['declared', undefined, undefined],
      ['classified', 1, undefined],
      ['reclassified', 2, 'Only EU affected'],
    ]);
    await expect(
      h['incidents/record']({ id: inc.id, type: 'obligation_met' }, page),
    ).rejects.toThrow(/Which obligation/);
    await expect(h['incidents/record']({ id: inc.id, type: 'classified' }, page)).rejects.toThrow(
      /own command/,
    );
    await expect(
      h['incidents/record']({ id: inc.id, type: 'note', at: T0 + 99 * MIN }, page),
    ).rejects.toThrow(/future/);
    await h['incidents/record'](
      { id: inc.id, type: 'obligation_met', obligationId: 'meeting' },
      page,
    );
    await h['incidents/record']({ id: inc.id, type: 'resolved', text: 'Fixed' }, page);
    expect(await getIncident(kit.db, inc.id)).toMatchObject({
      status: 'resolved',
      resolvedAt: T0 + MIN,
    });
    const resolved = (await eventsOf(kit.db, inc.id)).find((e) => e.type === 'resolved')!;
    await expect(
      h['incidents/editEvent']({ id: inc.id, eventId: resolved.id, at: T0, reason: '' }, page),
    ).rejects.toThrow(/reason/);
    kit.clock.now += MIN;
    await h['incidents/editEvent'](
      { id: inc.id, eventId: resolved.id, at: T0 + 30_000, reason: 'Clock was off' },
      page,
    );
    const edited = (await eventsOf(kit.db, inc.id)).find((e) => e.id === resolved.id);
    expect(edited).toMatchObject({
      at: T0 + 30_000,
      edits: [{ editedAt: T0 + 2 * MIN, previousAt: T0 + MIN, reason: 'Clock was off' }],
    });
    expect((await getIncident(kit.db, inc.id))?.resolvedAt).toBe(T0 + 30_000);
    await expect(h['incidents/record']({ id: inc.id, type: 'resolved' }, page)).rejects.toThrow(
      /already resolved/,
    );
  });

  test('an open responder incident counts on the badge and its overdue duties notify', async () => {
    const { kit, h } = await setup();
    await declareSev1(h);
    expect(kit.platform.badge).toMatchObject({ text: 'S1', color: '#B3261E' });
    // "now" duties are due within the due-soon window: not overdue at classification
    expect(
      kit.platform.notifications.some((n) => n.title === 'Due in 5 min: All-hands bridge call'),
    ).toBe(true);
    kit.clock.now += MIN;
    await refresh(kit.deps);
    expect(kit.platform.notifications.some((n) => n.title.startsWith('Overdue'))).toBe(false);
    kit.clock.now += 5 * MIN;
    await refresh(kit.deps);
    expect(
      kit.platform.notifications.some(
        (n) => n.title.startsWith('Overdue') && n.message.startsWith('DB down'),
      ),
    ).toBe(true);
  });
});

describe('responder incidents after resolution', () => {
  test('one-off duties stop notifying once the incident is resolved', async () => {
    const { kit, h } = await setup();
    const inc = await declareSev1(h);
    kit.clock.now += MIN;
    await h['incidents/record']({ id: inc.id, type: 'resolved' }, page);
    const before = kit.platform.notifications.length;
    // hours later: the bridge call, the customer email and the exec notice are all past due
    kit.clock.now += 3 * 60 * MIN;
    await refresh(kit.deps);
    expect(kit.platform.notifications.slice(before).map((n) => n.title)).toEqual([]);
  });
});

describe('timeline limit (issue 16, item 14)', () => {
  test('an incident takes no more notes once its timeline holds MAX_EVENTS_PER_INCIDENT events', async () => {
    const { kit, h } = await setup();
    const inc = await h['incidents/declare'](
      { title: 'Login down', components: ['Login'], publiclyVisible: true },
      page,
    );
    const have = (await eventsOf(kit.db, inc.id)).length; // the declaration
    await putEvents(
      kit.db,
      Array.from({ length: MAX_EVENTS_PER_INCIDENT - 1 - have }, (_, i) => ({
        id: `n${i}`,
        incidentId: inc.id,
        type: 'note' as const,
        at: T0,
        text: 'x',
      })),
    );
    await h['incidents/record']({ id: inc.id, type: 'note', text: 'the last one' }, page);
    await expect(
      h['incidents/record']({ id: inc.id, type: 'note', text: 'one too many' }, page),
    ).rejects.toThrow(/timeline is full \(5000 events\)/);
    expect((await eventsOf(kit.db, inc.id)).length).toBe(MAX_EVENTS_PER_INCIDENT);
  }, 30_000);
});

describe('data', () => {
  test('export then import round-trips; a corrupt file changes nothing', async () => {
    const { kit, h } = await setup();
    await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    const { json: backup } = await h['data/export'](null, page);
    expect(await h['data/import']({ json: '{"nope":' }, page)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
    expect(await kit.db.count('sources')).toBe(1);
    const r = await h['data/import']({ json: backup }, page);
    expect(r).toMatchObject({ ok: true, counts: expect.objectContaining({ sources: 1 }) });
    // The options page's progress bar hears how far it got, ending with every record written.
    const total = Object.values((r as { counts: Record<string, number> }).counts).reduce(
      (a, b) => a + b,
    );
    expect(kit.platform.pageMessages.at(-1)).toEqual({
      type: 'lens/import-progress',
      written: total,
      total,
    });
  });
});

describe('refresh after writes', () => {
  test('the router refreshes after every writing command, so a handler cannot forget to', async () => {
    const kit = await makeKit();
    let wrote = 0;
    const h = withRefresh(kit.deps, {
      'sources/test': async () => null,
      'feed/markDone': async () => {
        wrote++;
        return null;
      },
      'sites/enable': async () => {
        throw new Error('The site is not allowed.');
      },
    } as unknown as Handlers);
    await h['sources/test']({ url: FEED }, page);
    await expect(h['sites/enable']({ origin: 'x' }, page)).rejects.toThrow(/not allowed/);
    expect(kit.platform.overlay).toBeUndefined();
    await h['feed/markDone']({ sourceId: 's', incidentId: 'i', obligationId: 'o' }, page);
    expect(wrote).toBe(1);
    expect(kit.platform.overlay).toMatchObject({ incidents: [] });
    kit.db.close();
  });
});

describe('a source is checked before it is saved (issue 19, items 3 and 4)', () => {
  const refusals: [string, () => Response][] = [
    ['a 404', () => new Response('nope', { status: 404 })],
    ['an HTML page', () => new Response('<html>', { headers: { 'content-type': 'text/html' } })],
    ['a 500', () => new Response('boom', { status: 500 })],
    ['JSON of another shape', () => json({ hello: 'world' })],
  ];
  test.each(refusals)('%s is refused with the reason, and nothing is stored', async (_, answer) => {
    const { kit, h } = await setup();
    kit.net.respond = answer;
    const add = h['sources/add']({ name: 'Broken', url: `${FEED}?x`, pollSeconds: 60 }, page);
    await expect(add).rejects.toThrow(/^Nothing was saved: this address does not answer/);
    expect(await listSources(kit.db)).toEqual([]);
  });

  test('"Save anyway" stores it knowingly', async () => {
    const { kit, h } = await setup();
    kit.net.respond = () => new Response('nope', { status: 404 });
    const s = await h['sources/add'](
      { name: 'Later', url: FEED, pollSeconds: 60, force: true },
      page,
    );
    expect(s.lastError).toMatch(/404/);
    expect(await listSources(kit.db)).toHaveLength(1);
  });

  test('the same feed URL, however written, is refused as a duplicate, even when forced', async () => {
    const { kit, h } = await setup();
    await h['sources/add']({ name: 'Acme', url: FEED, pollSeconds: 60 }, page);
    const again = (url: string) =>
      h['sources/add']({ name: 'Acme 2', url, pollSeconds: 60, force: true }, page);
    const upper = FEED.replace('https://status.acme.test', 'HTTPS://Status.ACME.test:443');
    await expect(again(FEED)).rejects.toThrow('already a source named “Acme”');
    await expect(again(`${upper}/#top`)).rejects.toThrow('already a source named “Acme”');
    expect(await listSources(kit.db)).toHaveLength(1);
    // an edit onto another source's feed is refused too
    const other = await h['sources/add'](
      { name: 'Other', url: 'https://other.test/api/v2/summary.json', pollSeconds: 60 },
      page,
    );
    await expect(h['sources/update']({ id: other.id, url: FEED }, page)).rejects.toThrow(
      /already a source/,
    );
  });
});
