/**
 * Sources of every format: detected at the site root, polled and read, the format shown and
 * overridable; request headers sent to the feed's origin only and kept out of exports unless asked.
 */
import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getSnapshot, getSource } from '../../db/sources';
import type { Sender } from '../../messaging/channel';
import { createHandlers } from '../../background/router';
import { makeKit, type Kit } from '../../background/worker.test-kit';
import { pollDue } from './poll';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/src/extension/options/index.html' };
const FIX = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIX), 'utf8');
const ROOT = 'https://status.acme.test/';

/** A status site: HTML at its address, one feed at `path`, 404 elsewhere. */
function site(kit: Kit, path: string, body: string): void {
  kit.net.respond = (url) =>
    url === ROOT
      ? new Response('<html>Acme status</html>', { headers: { 'content-type': 'text/html' } })
      : url === ROOT.slice(0, -1) + path
        ? new Response(body)
        : new Response('', { status: 404 });
}

describe('sources of every format', () => {
  test.each([
    ['/summary.json', 'instatus-summary.json', 'instatus'],
    ['/index.json', 'betterstack-index.json', 'betterstack'],
    ['/api/v1/summary', 'incidentio-summary.json', 'incidentio'],
    ['/feed/json', 'openstatus-feed.json', 'openstatus'],
    ['/history.atom', 'github-history.atom', 'atom'],
    ['/feed.rss', 'betterstack-feed.rss', 'rss'],
  ])('the site root finds %s, read as %s, and polls it', async (path, file, format) => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    site(kit, path, fixture(file));
    const tested = await h['sources/test']({ url: ROOT }, page);
    expect(tested).toMatchObject({ ok: true, url: ROOT.slice(0, -1) + path, format });
    const s = await h['sources/add']({ name: 'Acme', url: ROOT, pollSeconds: 60 }, page);
    expect(s).toMatchObject({ url: ROOT.slice(0, -1) + path, detectedFormat: format, failures: 0 });
    expect((await getSnapshot(kit.db, s.id))!.feed.incidents.length).toBeGreaterThan(0);
  });

  test('a feed in another charset than UTF-8 is read in the one it declares', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const url = 'https://status.acme.test/history.rss';
    const rss =
      `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Acme</title>` +
      `<item><title>[Investigating] D\u00e9lai r\u00e9seau</title><link>https://status.acme.test/incidents/a</link>` +
      `<pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate><description>x</description></item></channel></rss>`;
    kit.net.respond = () =>
      new Response(Buffer.from(rss, 'latin1'), {
        headers: { 'content-type': 'application/rss+xml' },
      });
    const s = await h['sources/add']({ name: 'Acme', url, pollSeconds: 60 }, page);
    const names = (await getSnapshot(kit.db, s.id))!.feed.incidents.map((i) => i.name);
    expect(names).toEqual(['Délai réseau']);
  });

  test('a chosen format overrides detection, and a wrong choice says why', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const url = 'https://status.acme.test/summary.json';
    kit.net.respond = () => new Response(fixture('instatus-summary.json'));
    expect(await h['sources/test']({ url, format: 'betterstack' }, page)).toEqual({
      ok: false,
      url,
      error: 'This is not a status feed: not a Better Stack payload.',
    });
    const s = await h['sources/add']({ name: 'A', url, pollSeconds: 60, format: 'instatus' }, page);
    expect(s).toMatchObject({ format: 'instatus', detectedFormat: 'instatus' });
    const back = await h['sources/update']({ id: s.id, format: null }, page);
    expect(back.format).toBeUndefined();
    await expect(
      h['sources/add']({ name: 'A', url, pollSeconds: 60, format: 'nope' as never }, page),
    ).rejects.toThrow(/not one Incident Lens reads/);
  });
});

describe('sources stored before formats existed (same DB version: the new fields are optional)', () => {
  test('a v3 source record without format fields polls, is detected, and keeps every field', async () => {
    const kit = await makeKit();
    const old = {
      id: 'old',
      name: 'Old',
      url: 'https://status.acme.test/api/v2/summary.json',
      pollSeconds: 60,
      enabled: true,
      createdAt: 1,
      failures: 0,
      nextPollAt: 0,
      etag: 'W/"1"',
    };
    await kit.db.put('sources', old);
    kit.net.respond = () => new Response(fixture('rootly-status.json'));
    expect((await pollDue(kit.deps)).get('old')).toBe('updated');
    const s = await getSource(kit.db, 'old');
    expect(s).toMatchObject({
      ...old,
      detectedFormat: 'statuspage',
      nextPollAt: expect.any(Number),
    });
    expect(s!.format).toBeUndefined();
    expect(s!.headers).toBeUndefined();
  });
});

describe('request headers', () => {
  const url = 'https://internal.acme.test/feed/json';
  const headers = { Authorization: 'Bearer s3cret' };

  test('are sent with every request to the feed, and stored with the source', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    kit.net.respond = (_u, init) =>
      (init.headers as Record<string, string>).Authorization === 'Bearer s3cret'
        ? new Response(fixture('openstatus-feed.json'))
        : new Response('', { status: 401 });
    const s = await h['sources/add']({ name: 'Internal', url, pollSeconds: 60, headers }, page);
    expect(s).toMatchObject({
      headers,
      lastOkAt: expect.any(Number),
      detectedFormat: 'openstatus',
    });
    expect(kit.net.calls.every((c) => c.headers.Authorization === 'Bearer s3cret')).toBe(true);
    await expect(
      h['sources/add']({ name: 'X', url, pollSeconds: 60, headers: { Cookie: 'a=b' } }, page),
    ).rejects.toThrow(/request headers are not valid/);
  });

  test('go to no other origin: probes stay on it, and no redirect is followed with them', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    kit.net.respond = () =>
      new Response('', { status: 302, headers: { location: 'https://evil.test/' } });
    const r = await h['sources/test']({ url, headers }, page);
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/redirects are not followed/),
    });
    expect(kit.net.calls.map((c) => new URL(c.url).origin)).toEqual(['https://internal.acme.test']);
  });

  test('are left out of an export unless asked for', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    kit.net.respond = () => new Response(fixture('openstatus-feed.json'));
    await h['sources/add']({ name: 'Internal', url, pollSeconds: 60, headers }, page);
    const plain = (await h['data/export'](null, page)).json;
    expect(plain).not.toContain('s3cret');
    expect(plain).toContain(url);
    const full = (await h['data/export']({ includeHeaders: true }, page)).json;
    expect(full).toContain('Bearer s3cret');
    // and a backup with them imports with them
    expect(await h['data/import']({ json: full }, page)).toMatchObject({ ok: true });
    const [s] = await kit.db.getAll('sources');
    expect((await getSource(kit.db, s!.id))!.headers).toEqual(headers);
  });
});

describe('redirects without headers', () => {
  test('one to another origin is refused, even where the extension has host access (issue 16 #8)', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const url = 'https://status.acme.test/summary.json';
    kit.net.respond = () => {
      const r = new Response(fixture('instatus-summary.json'));
      Object.defineProperty(r, 'redirected', { value: true });
      Object.defineProperty(r, 'url', { value: 'https://cdn.other.test/summary.json' });
      return r;
    };
    const refused = {
      ok: false,
      error: expect.stringMatching(/redirected to another origin \(https:\/\/cdn\.other\.test\)/),
    };
    expect(await h['sources/test']({ url }, page)).toMatchObject(refused);
    kit.platform.granted.add('https://cdn.other.test/*');
    expect(await h['sources/test']({ url }, page)).toMatchObject(refused);
  });
});
