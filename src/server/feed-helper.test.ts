/**
 * The server-side helper against a local provider without CORS: it answers a widget-readable
 * Statuspage summary with caching and CORS headers, through a fetch handler and an Express-style
 * route, keeps the last good answer while the provider fails, and sends its headers to the
 * provider's origin only.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeIncidents, parseFeed } from '../core/feed';
import { FETCH_LIMITS } from '../core/feed/fetch-policy';
import { expressFeed, feedHandler } from './feed-helper';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');

const seen: { server: string; path: string; headers: IncomingHttpHeaders }[] = [];
let failing = false;

function serve(
  name: string,
  handler: (path: string, h: IncomingHttpHeaders) => [number, string, Record<string, string>?],
): Promise<[Server, string]> {
  const server = createServer((req, res) => {
    seen.push({ server: name, path: req.url ?? '', headers: req.headers });
    const [status, body, headers] = handler(req.url ?? '', req.headers);
    res.writeHead(status, headers ?? {});
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`]),
    ),
  );
}

/** A valid summary of 3 MB (padded): over the one 2 MiB cap every client of a feed applies. */
const BIG = JSON.stringify({
  ...JSON.parse(fixture('instatus-summary.json')),
  padding: 'x'.repeat(3_000_000),
});

let provider: Server;
let other: Server;
let app: Server;
let base = '';
let elsewhere = '';
let appUrl = '';

beforeAll(async () => {
  [other, elsewhere] = await serve('other', () => [200, fixture('instatus-summary.json')]);
  [provider, base] = await serve('provider', (path, h) => {
    if (failing) return [503, 'down'];
    if (path == '/summary.json') return [200, fixture('instatus-summary.json')];
    if (path == '/private/index.json')
      return h.authorization == 'Bearer t0k' ? [200, fixture('betterstack-index.json')] : [401, ''];
    if (path == '/moved') return [302, '', { location: `${elsewhere}/summary.json` }];
    if (path == '/big.json') return [200, BIG];
    return [404, ''];
  });
  const route = expressFeed({ url: `${base}/summary.json`, maxAgeSeconds: 60 });
  app = createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', () => resolve()));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(() => {
  provider.close();
  other.close();
  app.close();
});

describe('feedHandler (fetch runtimes)', () => {
  it('answers the provider feed as a Statuspage summary with CORS and caching headers', async () => {
    const handler = feedHandler({ url: `${base}/summary.json`, maxAgeSeconds: 30 });
    const res = await handler(new Request('https://helper.example/status.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe(
      'public, max-age=30, stale-while-revalidate=150, stale-if-error=86400',
    );
    expect(res.headers.get('x-feed-format')).toBe('instatus');
    const feed = parseFeed(await res.json()).feed; // what the widgets run
    expect(activeIncidents(feed).map((i) => [i.name, i.severity])).toEqual([
      ["We're facing an issue with our API", 1],
    ]);
    const again = await handler(
      new Request('https://helper.example/status.json', {
        headers: { 'if-none-match': res.headers.get('etag')! },
      }),
    );
    expect(again.status).toBe(304);
  });

  it('asks the provider at most once per max-age, whatever the number of callers', async () => {
    let t = 0;
    const handler = feedHandler({ url: `${base}/summary.json`, maxAgeSeconds: 60, now: () => t });
    const before = seen.filter((s) => s.path == '/summary.json').length;
    await Promise.all(Array.from({ length: 20 }, () => handler()));
    t = 59_000;
    await handler();
    expect(seen.filter((s) => s.path == '/summary.json').length - before).toBe(1);
    t = 60_000;
    await handler();
    expect(seen.filter((s) => s.path == '/summary.json').length - before).toBe(2);
  });

  it('keeps serving the last good answer, marked stale, while the provider fails', async () => {
    let t = 0;
    const handler = feedHandler({ url: `${base}/summary.json`, maxAgeSeconds: 1, now: () => t });
    expect((await handler()).status).toBe(200);
    failing = true;
    try {
      t = 5_000;
      const stale = await handler();
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-feed-stale')).toBe('the feed answered HTTP 503');
      expect(stale.headers.get('cache-control')).toBe('public, max-age=10');
      const fresh = await feedHandler({ url: `${base}/summary.json` })();
      expect(fresh.status).toBe(502);
    } finally {
      failing = false;
    }
  });

  it('keeps the last good answer over a 200 that is not a usable feed, as the widgets would', async () => {
    const good = readFileSync(
      new URL('../../tests/fixtures/statuspage/renku-ui-summary-outage.json', import.meta.url),
      'utf8',
    );
    let t = 0;
    let next = good;
    const handler = feedHandler({
      url: 'https://status.example.com/api/v2/summary.json',
      maxAgeSeconds: 1,
      now: () => t,
      fetch: async () => new Response(next, { status: 200 }),
    });
    const first = await (await handler()).text();
    expect(activeIncidents(parseFeed(first).feed)).not.toEqual([]);
    for (const bad of ['{"error": "rate limited"}', '{"incidents": null}', '{"page": "x"}']) {
      next = bad;
      t += 5_000;
      const res = await handler();
      expect(res.status, bad).toBe(200);
      expect(await res.text(), bad).toBe(first);
      expect(res.headers.get('x-feed-stale'), bad).toBeTruthy();
    }
  });

  it('reads a feed in the charset it declares (Content-Type, else the XML declaration)', async () => {
    const rss = (decl: string) =>
      Buffer.from(
        `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>Caf\u00e9 Status</title>` +
          `<link>https://status.example.com</link><item><title>[Investigating] D\u00e9lai</title>` +
          `<link>https://status.example.com/incidents/a</link><pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate>` +
          `<description>R\u00e9seau lent \u2014 on regarde</description></item></channel></rss>`,
        'latin1',
      );
    for (const [decl, type] of [
      ['', 'application/rss+xml; charset=ISO-8859-1'],
      [' encoding="ISO-8859-1"', 'application/rss+xml'],
      [" encoding='windows-1252'", 'text/xml'],
    ]) {
      const handler = feedHandler({
        url: 'https://status.example.com/history.rss',
        fetch: async () => new Response(rss(decl!), { headers: { 'content-type': type! } }),
      });
      const feed = parseFeed(await (await handler()).text()).feed;
      expect([feed.page.name, feed.incidents[0]!.name], type).toEqual(['Café Status', 'Délai']);
    }
  });

  it('sends its headers to the provider origin only', async () => {
    const headers = { authorization: 'Bearer t0k' };
    const ok = await feedHandler({ url: `${base}/private/index.json`, headers })();
    expect(ok.headers.get('x-feed-format')).toBe('betterstack');
    const before = seen.filter((s) => s.server == 'other').length;
    const moved = await feedHandler({ url: `${base}/moved`, headers })();
    expect(moved.status).toBe(502);
    expect(await moved.json()).toEqual({ error: `redirected to another origin (${elsewhere})` });
    expect(seen.filter((s) => s.server == 'other').length).toBe(before);
  });
});

describe('the size cap', () => {
  it('is the shared 2 MiB one (FETCH_LIMITS): a 3 MB answer is refused, as the widgets would', async () => {
    const res = await feedHandler({ url: `${base}/big.json` })();
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: `the feed is over ${FETCH_LIMITS.maxBodyBytes} bytes`,
    });
  });
});

describe('expressFeed (Node / Express)', () => {
  it('serves the normalised feed to a browser that could not read the provider', async () => {
    const res = await fetch(`${appUrl}/status.json`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const feed = parseFeed(await res.json()).feed;
    expect(feed.indicator).toBe('critical');
    expect(feed.maintenances[0]!.name).toBe('Database maintenance');
    const again = await fetch(`${appUrl}/status.json`, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});
