import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchFeed } from './fetch-feed';

/**
 * Redirects (issue 16 #8), against real servers on loopback: two ports are two origins. Node's fetch
 * shows a manual redirect's Location (a browser hides it: see the opaque case below), so the hops are
 * decided one by one; the other server records whether anything reached it.
 */
let feed: Server;
let other: Server;
let feedBase = '';
let otherBase = '';
const otherHits: string[] = [];

const listen = (s: Server): Promise<string> =>
  new Promise((done) =>
    s.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  other = createServer((req, res) => {
    otherHits.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: { indicator: 'critical' }, components: [], incidents: [] }));
  });
  otherBase = await listen(other);
  feed = createServer((req, res) => {
    if (req.url === '/away') {
      res.writeHead(302, { location: `${otherBase}/internal.json` });
      return res.end();
    }
    if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/api/v2/summary.json' });
      return res.end();
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: { indicator: 'none' }, components: [], incidents: [] }));
  });
  feedBase = await listen(feed);
});
afterAll(() => {
  feed.close();
  other.close();
});

describe('feed redirects', () => {
  test('to another origin: refused, the answer never read', async () => {
    const o = await fetchFeed(fetch, `${feedBase}/away`, {}, Date.now());
    expect(o).toEqual({
      kind: 'error',
      error: expect.stringContaining(`redirected to another origin (${otherBase})`),
    });
    // the request itself never left for the other origin (it used to: only the answer was refused)
    expect(otherHits).toEqual([]);
  });

  test('a loop ends after a few hops', async () => {
    const o = await fetchFeed(fetch, `${feedBase}/loop`, {}, Date.now());
    expect(o).toEqual({ kind: 'error', error: expect.stringContaining('more than 5 times') });
  });

  test("in a browser, where a manual redirect's location is hidden: refused, nothing followed", async () => {
    const calls: RequestInit[] = [];
    const opaque = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null };
    }) as unknown as typeof fetch;
    const o = await fetchFeed(opaque, 'https://status.acme.test/api/v2/summary.json', {}, 0);
    expect(o).toEqual({
      kind: 'error',
      error: expect.stringContaining('answered with a redirect'),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ redirect: 'manual', credentials: 'omit' });
  });

  test('within the same origin: followed', async () => {
    const o = await fetchFeed(fetch, `${feedBase}/moved`, {}, Date.now());
    expect(o).toMatchObject({ kind: 'ok', body: { status: { indicator: 'none' } } });
  });
});
