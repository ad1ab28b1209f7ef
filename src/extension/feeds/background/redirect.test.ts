import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchFeed } from './fetch-feed';

/**
 * Redirects (issue 16 #8), against real servers on loopback: two ports are two origins. Node's fetch
 * follows redirects as the browser's does, and sets `url`/`redirected` the same way.
 */
let feed: Server;
let other: Server;
let feedBase = '';
let otherBase = '';

const listen = (s: Server): Promise<string> =>
  new Promise((done) =>
    s.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  other = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: { indicator: 'critical' }, components: [], incidents: [] }));
  });
  otherBase = await listen(other);
  feed = createServer((req, res) => {
    if (req.url === '/away') {
      res.writeHead(302, { location: `${otherBase}/internal.json` });
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
  });

  test('within the same origin: followed', async () => {
    const o = await fetchFeed(fetch, `${feedBase}/moved`, {}, Date.now());
    expect(o).toMatchObject({ kind: 'ok', body: { status: { indicator: 'none' } } });
  });
});
