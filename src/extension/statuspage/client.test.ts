import { describe, expect, it } from 'vitest';
import { StatuspageClient, incidentBody } from './client';
import { errorDetail, retryAfterSeconds } from './errors';
import type { IncidentWrite } from './types';

const CONN = {
  pageId: 'pg123',
  apiKey: 'sekret-key-0000-abcd',
  apiBase: 'https://api.example.test',
};
const NOW = Date.UTC(2025, 2, 15, 14, 0);
const WRITE: IncidentWrite = {
  name: 'Checkout errors',
  status: 'investigating',
  body: 'We are aware of an issue affecting Checkout.',
  impactOverride: 'major',
  components: { cmp1: 'partial_outage' },
  deliverNotifications: true,
};

interface Seen {
  url: string;
  init: RequestInit;
}

function stub(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { seen, client: new StatuspageClient(CONN, { fetch, now: () => NOW }) };
}

describe('StatuspageClient', () => {
  it('creates an incident: POST, OAuth header, documented body, 201', async () => {
    const { seen, client } = stub(201, {
      id: 'inc9',
      name: 'Checkout errors',
      status: 'investigating',
      shortlink: 'https://stspg.io/x',
    });
    const r = await client.createIncident(WRITE);
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'inc9',
        name: 'Checkout errors',
        status: 'investigating',
        shortlink: 'https://stspg.io/x',
      },
    });
    expect(seen[0]?.url).toBe('https://api.example.test/v1/pages/pg123/incidents');
    expect(seen[0]?.init.method).toBe('POST');
    expect((seen[0]?.init.headers as Record<string, string>).Authorization).toBe(
      `OAuth ${CONN.apiKey}`,
    );
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({
      incident: {
        name: 'Checkout errors',
        status: 'investigating',
        body: WRITE.body,
        impact_override: 'major',
        components: { cmp1: 'partial_outage' },
        component_ids: ['cmp1'],
        deliver_notifications: true,
      },
    });
  });

  it('updates an incident: PATCH to the incident path, 200', async () => {
    const { seen, client } = stub(200, { id: 'inc9', name: 'n', status: 'identified' });
    const r = await client.updateIncident('inc9', { ...WRITE, status: 'identified' });
    expect(r.ok).toBe(true);
    expect(seen[0]?.init.method).toBe('PATCH');
    expect(seen[0]?.url).toBe('https://api.example.test/v1/pages/pg123/incidents/inc9');
  });

  it('401 is a bad key, and the key is in no error', async () => {
    const { client } = stub(401, { error: 'Could not authenticate' });
    const r = await client.createIncident(WRITE);
    expect(r).toEqual({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(JSON.stringify(r)).not.toContain(CONN.apiKey);
  });

  it("422 carries the API's own validation text", async () => {
    const { client } = stub(422, { error: ["Name can't be blank", 'Status is invalid'] });
    const r = await client.createIncident(WRITE);
    expect(r).toEqual({
      ok: false,
      error: { kind: 'validation', status: 422, detail: "Name can't be blank; Status is invalid" },
    });
  });

  it('429 reads Retry-After seconds', async () => {
    const { client } = stub(429, { error: 'Rate limited' }, { 'Retry-After': '7' });
    const r = await client.createIncident(WRITE);
    expect(r).toEqual({
      ok: false,
      error: { kind: 'rate_limited', status: 429, retryAfterSeconds: 7 },
    });
  });

  it('404 is a page or incident not found; 500 is a plain HTTP error', async () => {
    expect((await stub(404, { error: 'nope' }).client.verify()).ok).toBe(false);
    const r = await stub(500, 'oops').client.createIncident(WRITE);
    expect(r).toEqual({ ok: false, error: { kind: 'http', status: 500, detail: 'oops' } });
  });

  it('a network failure and a timeout are told apart', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const net = await new StatuspageClient(CONN, { fetch: failing, now: () => NOW }).createIncident(
      WRITE,
    );
    expect(net).toEqual({ ok: false, error: { kind: 'network', detail: 'Failed to fetch' } });
    const hanging = ((_u: string, init: RequestInit) =>
      new Promise((_ok, fail) =>
        init.signal?.addEventListener('abort', () => fail(new Error('aborted'))),
      )) as unknown as typeof fetch;
    const slow = await new StatuspageClient(CONN, {
      fetch: hanging,
      now: () => NOW,
      timeoutMs: 20,
    }).createIncident(WRITE);
    expect(slow).toEqual({ ok: false, error: { kind: 'timeout', seconds: 0 } });
  });

  it('a 2xx without an incident id is a bad response', async () => {
    const r = await stub(201, '<html>').client.createIncident(WRITE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('bad_response');
  });

  it('verify reads the page', async () => {
    const { seen, client } = stub(200, { id: 'pg123', name: 'Acme' });
    expect(await client.verify()).toEqual({ ok: true, value: { id: 'pg123', name: 'Acme' } });
    expect(seen[0]?.init.method).toBe('GET');
    expect(seen[0]?.url).toBe('https://api.example.test/v1/pages/pg123');
  });
});

describe('StatuspageClient.listComponents', () => {
  const COMPONENTS = [
    {
      id: 'grp1',
      page_id: 'pg123',
      group_id: null,
      name: 'Payments',
      description: null,
      position: 1,
      status: 'operational',
      showcase: false,
      only_show_if_degraded: false,
      group: true,
      components: ['cmp2'],
    },
    {
      id: 'cmp1',
      page_id: 'pg123',
      group_id: null,
      name: 'Checkout',
      position: 2,
      status: 'partial_outage',
      group: false,
    },
    { id: 'cmp2', group_id: 'grp1', name: 'Card API', group: false },
  ];

  it('GETs the page components with the key, and reads id, name, group_id and group', async () => {
    const { seen, client } = stub(200, COMPONENTS);
    expect(await client.listComponents()).toEqual({
      ok: true,
      value: [
        { id: 'grp1', name: 'Payments', groupId: null, group: true },
        { id: 'cmp1', name: 'Checkout', groupId: null, group: false },
        { id: 'cmp2', name: 'Card API', groupId: 'grp1', group: false },
      ],
    });
    expect(seen[0]?.init.method).toBe('GET');
    expect(seen[0]?.init.body).toBeUndefined();
    expect(seen[0]?.url).toBe(
      'https://api.example.test/v1/pages/pg123/components?per_page=100&page=1',
    );
    expect(seen).toHaveLength(1); // a short page is the last
    expect((seen[0]?.init.headers as Record<string, string>).Authorization).toBe(
      `OAuth ${CONN.apiKey}`,
    );
  });

  it('drops items without a string id and name, and ignores ill-typed group fields', async () => {
    const r = await stub(200, [
      null,
      'cmp0',
      { id: 7, name: 'Numeric id' },
      { id: 'cmp3' },
      { id: '', name: 'Blank id' },
      { name: 'No id' },
      { id: 'cmp4', name: 'Search', group_id: 42, group: 'yes', extra: { x: 1 } },
    ]).client.listComponents();
    expect(r).toEqual({
      ok: true,
      value: [{ id: 'cmp4', name: 'Search', groupId: null, group: false }],
    });
  });

  it('a body that is not an array is a bad response; an empty array is an empty page', async () => {
    for (const body of [{ components: COMPONENTS }, '<html>', null]) {
      const r = await stub(200, body).client.listComponents();
      expect(r.ok ? null : r.error.kind).toBe('bad_response');
    }
    expect(await stub(200, []).client.listComponents()).toEqual({ ok: true, value: [] });
  });

  it('reads every page of a long list (pages of 100), once each, and stops at a short page', async () => {
    const item = (n: number) => ({ id: `c${n}`, name: `Component ${n}`, group: false });
    const pages = [
      Array.from({ length: 100 }, (_, i) => item(i)),
      // a bad item still counts towards the page size; a repeated id is kept once
      [...Array.from({ length: 98 }, (_, i) => item(100 + i)), null, item(0)],
      [item(200), item(201)],
    ];
    const urls: string[] = [];
    const fetch = (async (url: string) => {
      urls.push(url);
      const page = Number(new URL(url).searchParams.get('page'));
      return new Response(JSON.stringify(pages[page - 1] ?? []), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const r = await new StatuspageClient(CONN, { fetch, now: () => NOW }).listComponents();
    expect(urls.map((u) => new URL(u).search)).toEqual([
      '?per_page=100&page=1',
      '?per_page=100&page=2',
      '?per_page=100&page=3',
    ]);
    expect(r.ok && r.value.map((c) => c.id)).toEqual([
      ...Array.from({ length: 198 }, (_, i) => `c${i}`),
      'c200',
      'c201',
    ]);
  });

  it('a failed page fails the whole list', async () => {
    let n = 0;
    const fetch = (async () =>
      ++n === 1
        ? new Response(
            JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: 'x' }))),
          )
        : new Response('{"error":"Rate limit exceeded"}', {
            status: 429,
            headers: { 'retry-after': '5' },
          })) as unknown as typeof globalThis.fetch;
    const r = await new StatuspageClient(CONN, { fetch, now: () => NOW }).listComponents();
    expect(r.ok ? null : r.error.kind).toBe('rate_limited');
  });

  it('401 is a bad key, and the key is in no error', async () => {
    const r = await stub(401, { error: 'Could not authenticate' }).client.listComponents();
    expect(r).toEqual({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(JSON.stringify(r)).not.toContain(CONN.apiKey);
  });
});

describe('errors', () => {
  it('reads every error body shape', () => {
    expect(errorDetail('{"error":"x"}')).toBe('x');
    expect(errorDetail('{"message":"m"}')).toBe('m');
    expect(errorDetail('{"errors":{"name":["is blank"]}}')).toBe('name: is blank');
    expect(errorDetail('plain')).toBe('plain');
  });
  it('reads Retry-After as seconds or a date, else a default', () => {
    expect(retryAfterSeconds('3', NOW)).toBe(3);
    expect(retryAfterSeconds(new Date(NOW + 10_000).toUTCString(), NOW)).toBe(10);
    expect(retryAfterSeconds(null, NOW)).toBe(60);
    expect(retryAfterSeconds('soon', NOW)).toBe(60);
  });
  it('omits impact_override when not given', () => {
    const { impactOverride: _i, ...rest } = WRITE;
    expect(incidentBody(rest).incident).not.toHaveProperty('impact_override');
  });
});
