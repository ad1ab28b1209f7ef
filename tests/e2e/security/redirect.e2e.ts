import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../browser';
import { command, fixture, ready } from '../extension/helpers';
import { startServer, type TestServer } from '../server';

/**
 * Issue 16 #8, in the real MV3 worker: a feed that redirects to another origin (here another port
 * on loopback, like a helpdesk or an intranet host) is refused and the request never reaches that
 * origin. Chromium hides where a manual redirect points, so a redirect within the origin is not
 * followed either: the source form says so, and nothing but the feed's own server is asked.
 */
let s: ExtensionSession;
let feed: TestServer;
let internal: TestServer;

beforeAll(async () => {
  [s, feed, internal] = await Promise.all([launchWithExtension(), startServer(), startServer()]);
  // an "internal" JSON that looks like a feed with an incident, with no CORS headers at all
  internal.json(
    '/internal.json',
    await fixture('statuspage-embed-nyu-summary-major-identified.json'),
  );
  feed.route('/away', (_req, res) => {
    res.writeHead(302, { location: `${internal.origin}/internal.json` }).end();
  });
  feed.route('/moved', (_req, res) => {
    res.writeHead(301, { location: '/api/v2/summary.json' }).end();
  });
  feed.json(
    '/api/v2/summary.json',
    await fixture('statuspage-embed-nyu-summary-major-identified.json'),
  );
});
afterAll(async () => {
  await s?.close();
  await feed?.close();
  await internal?.close();
});

test('a redirect to another origin is refused before anything is sent there', async () => {
  const page = await ready(s);
  const away = await command(page, 'sources/add', {
    name: 'Away',
    url: `${feed.origin}/away`,
    pollSeconds: 30,
    force: true, // stored knowingly: the check before saving refuses it (issue 19, item 3)
  });
  expect(away).toMatchObject({
    ok: true,
    value: {
      lastError: expect.stringContaining('answered with a redirect'),
    },
  });
  expect((away.value as { lastOkAt?: number }).lastOkAt).toBeUndefined();
  // the other origin was never asked (it used to receive the request; only its answer was refused)
  expect(internal.requests).toEqual([]);

  const moved = await command(page, 'sources/add', {
    name: 'Moved',
    url: `${feed.origin}/moved`,
    pollSeconds: 30,
    force: true,
  });
  expect(moved).toMatchObject({
    ok: true,
    value: { lastError: expect.stringContaining('answered with a redirect') },
  });
  // only the redirecting address itself was requested, never the place it points to
  expect(new Set(feed.requests.map((r) => r.url))).toEqual(new Set(['/away', '/moved']));
});
