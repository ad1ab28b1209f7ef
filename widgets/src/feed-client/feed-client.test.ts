import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createFeedClient, type FeedState } from './feed-client';
import { World, json } from './world.test-kit';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../../tests/fixtures/statuspage/${name}`, import.meta.url), 'utf8'),
  );
const OUTAGE = fixture('renku-ui-summary-outage.json');
const OK = fixture('renku-ui-summary-operational.json');
const URL_ = 'https://app.example/api/v2/summary.json';

function setup(over = {}) {
  const w = new World();
  w.respond = async () => json(OUTAGE);
  const c = createFeedClient(w.deps(over));
  const states: FeedState[] = [];
  return { w, c, states, on: (s: FeedState) => void states.push(s) };
}

describe('FeedClient', () => {
  test('one request per URL per poll, however many subscribers', async () => {
    const { w, c, states, on } = setup();
    for (let i = 0; i < 20; i++) c.subscribe(URL_, 60, on);
    await w.advance(0);
    expect(w.requests).toHaveLength(1);
    expect(states).toHaveLength(20);
    expect(states[0]!.feed!.incidents[0]!.impact).toBe('critical');
    await w.advance(59_000);
    expect(w.requests).toHaveLength(1);
    await w.advance(1_000);
    expect(w.requests).toHaveLength(2);
  });

  test('the last good feed is kept with its freshness, and a kept one is given at once', async () => {
    const keeps: [string, number, number][] = [];
    const { w, c, on } = setup({
      keep: (url: string, _f: unknown, asOf: number, fresh: number) =>
        keeps.push([url, asOf, fresh]),
    });
    w.respond = async () => json(OUTAGE, { 'cache-control': 'max-age=300' });
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    // fresh for the longer of max-age and the poll interval
    expect(keeps).toEqual([[URL_, w.t, 300_000]]);
    const kept: FeedState = { feed: null, asOf: 5, stale: false, error: null };
    const next = setup({
      kept: (url: string) => (url === URL_ ? { ...kept, feed: {} as never } : undefined),
    });
    next.c.subscribe(URL_, 60, next.on);
    // before any request: the kept feed, synchronously
    expect(next.w.requests).toHaveLength(0);
    expect(next.states).toHaveLength(1);
    expect(next.states[0]!.asOf).toBe(5);
    await next.w.advance(0);
    expect(next.w.requests).toHaveLength(1);
  });

  test('poll interval has a 15 s floor and the fastest subscriber wins', async () => {
    const { w, c, on } = setup();
    c.subscribe(URL_, 120, on);
    c.subscribe(URL_, 1, on);
    await w.advance(0);
    await w.advance(14_999);
    expect(w.requests).toHaveLength(1);
    await w.advance(1);
    expect(w.requests).toHaveLength(2);
  });

  test('Cache-Control max-age: nothing is requested before the response goes stale', async () => {
    const { w, c, on } = setup();
    w.respond = async () => json(OUTAGE, { 'cache-control': 'public, max-age=300', age: '60' });
    c.subscribe(URL_, 15, on);
    await w.advance(0);
    await w.advance(239_000);
    expect(w.requests).toHaveLength(1);
    await w.advance(1_000);
    expect(w.requests).toHaveLength(2);
  });

  test('ETag and Last-Modified revalidate; a 304 keeps the data', async () => {
    const { w, c, states, on } = setup();
    w.respond = async () =>
      json(OUTAGE, { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    w.respond = async () => new Response(null, { status: 304 });
    await w.advance(60_000);
    expect(w.requests[1]!.headers).toEqual({
      'if-none-match': '"v1"',
      'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT',
    });
    expect(states.at(-1)!.feed!.incidents).toHaveLength(1);
    expect(states.at(-1)!.asOf).toBe(w.t);
    expect(states.at(-1)!.error).toBeNull();
  });

  test('cross-origin feeds send no conditional headers (no CORS preflight) and let the HTTP cache revalidate', async () => {
    const { w, c, on } = setup();
    w.respond = async () => json(OUTAGE, { etag: '"v1"' });
    c.subscribe('https://status.example.com/api/v2/summary.json', 60, on);
    await w.advance(0);
    await w.advance(60_000);
    expect(w.requests[1]!.headers).toEqual({});
    expect(w.requests[1]!.cache).toBe('no-cache');
  });

  test('errors back off exponentially with full jitter; repeated failures mark stale but keep data', async () => {
    const { w, c, states, on } = setup();
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    w.respond = async () => json('oops', {}, 500);
    await w.advance(60_000); // failure 1: next in random(0.5) × 60 s
    expect(states.at(-1)).toMatchObject({ stale: false, error: 'http 500' });
    await w.advance(29_999);
    expect(w.requests).toHaveLength(2);
    await w.advance(1);
    expect(w.requests).toHaveLength(3); // failure 2: next in 0.5 × 120 s
    expect(states.at(-1)).toMatchObject({ stale: true, error: 'http 500' });
    expect(states.at(-1)!.feed!.incidents).toHaveLength(1);
    await w.advance(59_999);
    expect(w.requests).toHaveLength(3);
    await w.advance(1);
    expect(w.requests).toHaveLength(4);
    expect(w.warnings).toHaveLength(1); // one warning per kind of problem
  });

  // Retry-After in seconds or as an HTTP date (whole seconds: a date has no milliseconds).
  test.each([
    ['seconds', (_now: number, ms: number) => String(ms / 1000)],
    ['an HTTP date', (now: number, ms: number) => new Date(now + ms).toUTCString()],
  ])(
    'Retry-After on 429 and 503, in %s, is honoured, also when the browser comes back online',
    async (_, after) => {
      const { w, c, on } = setup();
      w.t = 1_700_000_000_000;
      w.respond = async () => json('slow down', { 'retry-after': after(w.t, 600_000) }, 429);
      c.subscribe(URL_, 60, on);
      await w.advance(0);
      c.wake(true);
      await w.advance(599_000);
      expect(w.requests).toHaveLength(1);
      w.respond = async () => json('busy', { 'retry-after': after(w.t, 300_000) }, 503);
      await w.advance(1_000);
      expect(w.requests).toHaveLength(2);
      await w.advance(299_000);
      expect(w.requests).toHaveLength(2);
      await w.advance(1_000);
      expect(w.requests).toHaveLength(3);
    },
  );

  test('back online after a plain failure: requests at once', async () => {
    const { w, c, on } = setup();
    w.respond = async () => Promise.reject(new TypeError('Failed to fetch'));
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    expect(w.requests).toHaveLength(1);
    c.wake(true);
    await w.advance(0);
    expect(w.requests).toHaveLength(2);
  });

  test('a body announced over the 2 MiB cap is refused without reading it', async () => {
    const { w, c, states, on } = setup();
    let read = false;
    w.respond = async () =>
      new Response(
        new ReadableStream(
          {
            pull(ctl) {
              read = true;
              ctl.enqueue(new TextEncoder().encode('{}'));
              ctl.close();
            },
          },
          { highWaterMark: 0 }, // (pulled only when read)
        ),
        { headers: { 'content-length': String(3 * 1024 * 1024) } },
      );
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    expect(states.at(-1)!.error).toBe('too large');
    expect(read).toBe(false);
  });

  test('feed problems: one warning per kind of problem and feed, with the first such problem', async () => {
    const { w, c, on } = setup();
    const odd = {
      status: { indicator: 'purple' },
      components: [],
      incidents: [
        { id: 'a', name: 'A', status: 'weird', created_at: 'yesterday' },
        { id: 'b', name: 'B', status: 'odd', created_at: 'today' },
      ],
    };
    w.respond = async () => json(odd);
    const other = 'https://app.example/other/summary.json';
    c.subscribe(URL_, 60, on);
    c.subscribe(other, 60, on);
    await w.advance(0);
    await w.advance(60_000); // the same problems again: no new warning
    expect(w.requests).toHaveLength(4);
    const seen = w.warnings.map((a) => [a[0], a[1], (a[2] as { path: string }).path]);
    expect(seen).toEqual([
      ['[incident-widgets] feed problem value:', URL_, 'status.indicator'],
      ['[incident-widgets] feed problem date:', URL_, 'incidents[0].created_at'],
      ['[incident-widgets] feed problem time:', URL_, 'incidents[0].created_at'],
      ['[incident-widgets] feed problem value:', other, 'status.indicator'],
      ['[incident-widgets] feed problem date:', other, 'incidents[0].created_at'],
      ['[incident-widgets] feed problem time:', other, 'incidents[0].created_at'],
    ]);
  });

  test('a request that takes longer than 10 s is aborted as a timeout', async () => {
    const { w, c, states, on } = setup();
    let aborted = false;
    w.respond = (_u, signal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      );
    c.subscribe(URL_, 60, on);
    await w.advance(9_999);
    expect(aborted).toBe(false);
    await w.advance(1);
    expect(aborted).toBe(true);
    expect(states.at(-1)!.error).toBe('timeout');
  });

  test('malformed responses keep the last good data and warn once per kind', async () => {
    const { w, c, states, on } = setup();
    c.subscribe(URL_, 15, on);
    await w.advance(0);
    const bad = [
      () => json('{"incidents": [', {}),
      () => new Response('<html>error</html>', { status: 200 }),
      () => json({ hello: 'world' }),
      () => json('x'.repeat(3 * 1024 * 1024)),
      () => json('{"incidents": [', {}),
    ];
    for (const b of bad) {
      w.respond = async () => b();
      c.wake(true); // as if back online: request now, so each kind is requested once
      await w.advance(0);
    }
    const kinds = w.warnings.map((a) => a[0]);
    expect(kinds).toEqual([
      '[incident-widgets] invalid json:',
      '[incident-widgets] html, not json:',
      '[incident-widgets] not a status feed:',
      '[incident-widgets] too large:',
    ]);
    expect(w.warnings[0]![1]).toBe(URL_);
    expect(w.requests).toHaveLength(6);
    expect(states.at(-1)!.feed!.incidents[0]!.name).toBeTruthy();
    expect(states.at(-1)!.stale).toBe(true);
    w.respond = async () => json(OK);
    c.wake(true);
    await w.advance(0);
    expect(states.at(-1)).toMatchObject({ stale: false, error: null });
    expect(states.at(-1)!.feed!.incidents).toHaveLength(0);
  });

  test.each([
    ['page a string', { ...(OUTAGE as object), page: 'Acme' }],
    ['components an object', { ...(OUTAGE as object), components: { api: { id: 'api' } } }],
    ['status.indicator a number', { ...(OUTAGE as object), status: { indicator: 3 } }],
    ['only a status block, indicator a number', { status: { indicator: 3 } }],
  ])(
    'after good data, valid JSON that is not a summary (%s) keeps the last good data and warns',
    async (_label, payload) => {
      const { w, c, states, on } = setup();
      c.subscribe(URL_, 15, on);
      await w.advance(0);
      const good = states.at(-1)!.feed!;
      expect(good.page.url).toBeTruthy();
      w.respond = async () => json(payload);
      await w.advance(15_000);
      expect(w.requests).toHaveLength(2);
      expect(states.at(-1)!.feed).toBe(good);
      expect(states.at(-1)!.error).toBe('not a status feed');
      expect(w.warnings.map((a) => a[0])).toContain('[incident-widgets] not a status feed:');
    },
  );

  test('a feed too large to keep whole: the most severe open incident stays, and the console says what was dropped', async () => {
    const { w, c, states, on } = setup();
    const at = (h: number) => new Date(Date.UTC(2024, 4, 1) - h * 3_600_000).toISOString();
    const closed = Array.from({ length: 600 }, (_, i) => ({
      id: `r${i}`,
      name: `Old ${i}`,
      status: 'resolved',
      impact: 'minor',
      created_at: at(i),
    }));
    const open = {
      id: 'db',
      name: 'Database down',
      status: 'identified',
      impact: 'critical',
      created_at: at(9_000),
    };
    w.respond = async () =>
      json({ components: [], incidents: [...closed, open], scheduled_maintenances: [] });
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    expect(states.at(-1)!.feed!.incidents.some((i) => i.id === 'db')).toBe(true);
    const warning = w.warnings.find((a) => String(a[0]).includes('items'));
    expect(String(warning?.[2])).toMatch(
      /^incidents: 601 items, over the cap of 500: .*dropped 101 \(Old 499, /,
    );
  });

  test('no polling while hidden; visible again with stale data fetches at once', async () => {
    const { w, c, on } = setup();
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    w.hidden = true;
    c.wake();
    expect(w.pending).toBe(0);
    await w.advance(600_000);
    expect(w.requests).toHaveLength(1);
    w.hidden = false;
    c.wake();
    await w.advance(0);
    expect(w.requests).toHaveLength(2);
    // visible again with fresh data: nothing
    w.hidden = true;
    c.wake();
    w.hidden = false;
    c.wake();
    await w.advance(0);
    expect(w.requests).toHaveLength(2);
  });

  test('coming back online refreshes at once, skipping the back-off', async () => {
    const { w, c, on } = setup();
    w.respond = async () => Promise.reject(new TypeError('offline'));
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    await w.advance(5_000);
    expect(w.requests).toHaveLength(1);
    w.respond = async () => json(OUTAGE);
    c.wake(true);
    await w.advance(0);
    expect(w.requests).toHaveLength(2);
  });

  test('a throwing listener or fetch never escapes', async () => {
    const { w, c } = setup({
      fetch: () => {
        throw new Error('boom');
      },
    });
    const got: FeedState[] = [];
    c.subscribe(URL_, 60, () => {
      throw new Error('listener');
    });
    c.subscribe(URL_, 60, (s) => void got.push(s));
    await w.advance(0);
    expect(got.at(-1)!.error).toBe('network');
  });

  test('unsubscribing the last listener leaves no timer and aborts the request', async () => {
    const { w, c, on } = setup();
    let aborted = false;
    w.respond = (_u, signal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        }),
      );
    const off = c.subscribe(URL_, 60, on);
    await w.advance(0);
    off();
    await w.advance(0);
    expect(aborted).toBe(true);
    expect(w.pending).toBe(0);
  });

  test('across tabs one leader fetches, followers listen, and a follower takes over when the leader closes', async () => {
    const w = new World();
    w.respond = async () => json(OUTAGE);
    const a = createFeedClient(w.deps());
    const b = createFeedClient(w.deps());
    const sa: FeedState[] = [];
    const sb: FeedState[] = [];
    const offA = a.subscribe(URL_, 60, (s) => void sa.push(s));
    await w.advance(0);
    b.subscribe(URL_, 60, (s) => void sb.push(s));
    await w.advance(0);
    expect(w.requests).toHaveLength(1);
    expect(sb.at(-1)!.feed!.incidents).toHaveLength(1); // answered by the leader's broadcast
    await w.advance(600_000);
    expect(w.requests).toHaveLength(11); // one per minute for both tabs
    expect(sb.length).toBeGreaterThanOrEqual(10);
    offA(); // the leader's tab closes
    const before = w.requests.length;
    await w.advance(60_000);
    expect(w.requests.length).toBe(before + 1);
    await w.advance(60_000);
    expect(w.requests.length).toBe(before + 2);
  });

  /** Tabs on one origin, each with its own visibility, requests and states. */
  function tabs(n: number, over = {}) {
    const w = new World();
    w.respond = async () => json(OUTAGE);
    const base = w.deps();
    const all = Array.from({ length: n }, () => {
      const t = { hidden: false, at: [] as number[], states: [] as FeedState[] };
      const c = createFeedClient(
        w.deps({
          hidden: () => t.hidden,
          fetch: (u: string, i: RequestInit) => (t.at.push(w.t), base.fetch(u, i)),
          ...over,
        }),
      );
      const show = (hidden: boolean) => {
        t.hidden = hidden;
        c.wake();
      };
      return Object.assign(t, { c, show });
    });
    return { w, all };
  }
  type Tab = ReturnType<typeof tabs>['all'][number];
  const freshWithin = (s: FeedState[], t: number, ms: number) =>
    expect(t - s.at(-1)!.asOf!).toBeLessThanOrEqual(ms);

  test('a hidden tab never fetches; a visible one keeps fresh data, one request per poll across tabs', async () => {
    const { w, all } = tabs(2);
    const [a, b] = all as [Tab, Tab];
    a.c.subscribe(URL_, 60, (s) => void a.states.push(s));
    await w.advance(0);
    b.c.subscribe(URL_, 60, (s) => void b.states.push(s));
    await w.advance(0);
    expect(w.requests).toHaveLength(1); // the tab that fetched was visible and led
    a.show(true); // the leader's tab goes to the background
    const from = w.t;
    for (let i = 1; i <= 10; i++) {
      await w.advance(60_000);
      freshWithin(b.states, w.t, 0); // each poll reaches the visible tab at once
    }
    expect(a.at.filter((t) => t > from)).toEqual([]);
    expect(b.at).toEqual(Array.from({ length: 10 }, (_, i) => from + (i + 1) * 60_000));
    expect(w.requests).toHaveLength(11);
    freshWithin(a.states, w.t, 0); // the hidden tab still listens
  });

  test('going hidden and visible hands over on schedule, without duplicate requests', async () => {
    const { w, all } = tabs(2);
    const [a, b] = all as [Tab, Tab];
    a.c.subscribe(URL_, 60, (s) => void a.states.push(s));
    b.c.subscribe(URL_, 60, (s) => void b.states.push(s));
    await w.advance(0);
    const start = w.t;
    for (let i = 0; i < 6; i++) {
      await w.advance(25_000);
      // swap which tab is visible, twice a minute
      (i % 2 ? b : a).show(true);
      (i % 2 ? a : b).show(false);
    }
    await w.advance(60_000 * 3 - 150_000);
    const times = [...a.at, ...b.at].sort((x, y) => x - y);
    expect(times).toEqual([start, start + 60_000, start + 120_000, start + 180_000]);
    // a request in flight when its tab hides is shared before another tab takes over
    const leader = a.hidden ? b : a;
    const other = leader === a ? b : a;
    let finish = () => {};
    w.respond = () => new Promise((r) => (finish = () => r(json(OUTAGE))));
    await w.advance(60_000);
    const t0 = w.t;
    expect(leader.at.at(-1)).toBe(t0);
    leader.show(true);
    other.show(false);
    await w.advance(5_000);
    expect(other.at).not.toContain(t0 + 5_000);
    finish();
    w.respond = async () => json(OUTAGE);
    await w.advance(0);
    expect(other.states.at(-1)!.asOf).toBe(t0); // the hidden tab's result reached the visible one
    await w.advance(60_000 - 5_001);
    expect(w.requests).toHaveLength(5); // no request from the tab that took over until due
    await w.advance(1);
    expect(w.requests).toHaveLength(6);
    expect(other.at.at(-1)).toBe(t0 + 60_000);
  });

  test('all tabs hidden: nobody polls; the first tab shown with stale data fetches at once', async () => {
    const { w, all } = tabs(3);
    for (const t of all) t.c.subscribe(URL_, 60, (s) => void t.states.push(s));
    await w.advance(0);
    expect(w.requests).toHaveLength(1);
    for (const t of all) t.show(true);
    await w.advance(600_000);
    expect(w.requests).toHaveLength(1);
    all[2]!.show(false);
    await w.advance(0);
    expect(w.requests).toHaveLength(2);
    expect(all[2]!.at).toEqual([w.t]);
    freshWithin(all[0]!.states, w.t, 0);
  });

  test('a tab opened later gets the data at once without a request', async () => {
    const { w, all } = tabs(2);
    const [a, b] = all as [Tab, Tab];
    a.c.subscribe(URL_, 60, (s) => void a.states.push(s));
    await w.advance(30_000);
    b.c.subscribe(URL_, 60, (s) => void b.states.push(s));
    await w.advance(0);
    expect(b.states.at(-1)!.feed!.incidents).toHaveLength(1);
    expect(w.requests).toHaveLength(1);
  });

  test('without Web Locks, or when the lock request fails, every tab fetches for itself', async () => {
    for (const lock of [
      undefined,
      () => Promise.reject(new DOMException('opaque', 'SecurityError')),
    ]) {
      const { w, all } = tabs(1, { lock });
      all[0]!.c.subscribe(URL_, 60, (s) => void all[0]!.states.push(s));
      await w.advance(0);
      await w.advance(60_000);
      expect(w.requests).toHaveLength(2);
      expect(all[0]!.states.at(-1)!.feed!.incidents).toHaveLength(1);
    }
  });
});

describe('FeedClient: every format the core detects (issue 18)', () => {
  const feedFixture = (name: string): string =>
    readFileSync(new URL(`../../../tests/fixtures/feeds/${name}`, import.meta.url), 'utf8');
  const text = (body: string) => new Response(body, { status: 200 });

  /** The client with a counting formats loader. */
  function counted() {
    const loads = { n: 0 };
    const s = setup({
      formats: async () => {
        loads.n++;
        return import('./formats');
      },
    });
    return { ...s, loads };
  }

  test('a Statuspage feed never loads the formats module', async () => {
    const { w, c, states, on, loads } = counted();
    c.subscribe(URL_, 60, on);
    await w.advance(0);
    expect(states.at(-1)!.feed!.incidents[0]!.impact).toBe('critical');
    expect(loads.n).toBe(0);
  });

  test.each([
    ['instatus-summary.json', "We're facing an issue with our API"],
    ['incidentio-summary.json', undefined],
    ['betterstack-index.json', undefined],
    ['openstatus-feed.json', undefined],
    ['github-history.atom', undefined],
    ['statuspage-history.rss', undefined],
  ])('%s is read through the formats module', async (file, name) => {
    const { w, c, states, on, loads } = counted();
    w.respond = async () => text(feedFixture(file));
    c.subscribe('https://status.example/feed', 60, on);
    await w.advance(0);
    // (a real dynamic import: give it the time it takes)
    await expect.poll(() => states.length).toBeGreaterThan(0);
    const feed = states.at(-1)!.feed!;
    expect(states.at(-1)!.error).toBeNull();
    expect(loads.n).toBe(1);
    const all = [...feed.incidents, ...feed.maintenances];
    expect(all.length).toBeGreaterThan(0);
    if (name) expect(all.map((i) => i.name)).toContain(name);
  });

  test('a feed in another charset than UTF-8 reads in the one it declares', async () => {
    const { w, c, states, on } = counted();
    const rss =
      `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>S</title>` +
      `<item><title>[Investigating] D\u00e9lai r\u00e9seau</title><link>https://status.example/incidents/a</link>` +
      `<pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate><description>x</description></item></channel></rss>`;
    w.respond = async () =>
      new Response(Buffer.from(rss, 'latin1'), {
        status: 200,
        headers: { 'content-type': 'application/rss+xml' },
      });
    c.subscribe('https://status.example/history.rss', 60, on);
    await w.advance(0);
    await expect.poll(() => states.length).toBeGreaterThan(0);
    expect(states.at(-1)!.feed!.incidents.map((i) => i.name)).toEqual(['Délai réseau']);
  });

  test('incident.io, which also has scheduled_maintenances, is not misread as Statuspage', async () => {
    const { w, c, states, on, loads } = counted();
    const body = JSON.parse(feedFixture('incidentio-summary.json')) as {
      ongoing_incidents: { name: string }[];
    };
    w.respond = async () => json(body);
    c.subscribe('https://status.example/api/v1/summary', 60, on);
    await w.advance(0);
    await expect.poll(() => states.length).toBeGreaterThan(0);
    expect(loads.n).toBe(1);
    expect(states.at(-1)!.feed!.incidents.map((i) => i.name)).toEqual(
      expect.arrayContaining(body.ongoing_incidents.map((i) => i.name)),
    );
  });

  test('a cross-origin request that fails (no CORS) warns with a pointer to the helper', async () => {
    const { w, c, states, on } = setup();
    w.respond = async () => {
      throw new TypeError('Failed to fetch');
    };
    c.subscribe('https://status.example/summary.json', 60, on);
    await w.advance(0);
    expect(states.at(-1)!.error).toMatch(/no CORS.*server helper/);
    expect(w.warnings[0]![0]).toMatch(/no CORS.*server helper/);
  });
});
