import { describe, expect, it } from 'vitest';
import { describeProblem, parseFeed } from './index';

const T = '2024-05-01T10:00:00Z';
const inc = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'abc',
  name: 'Checkout errors',
  status: 'investigating',
  impact: 'major',
  created_at: T,
  updated_at: T,
  incident_updates: [{ id: 'u1', status: 'investigating', body: 'Looking.', created_at: T }],
  ...extra,
});
const one = (extra: Record<string, unknown> = {}) => {
  const r = parseFeed({ incidents: [inc(extra)] });
  return { ...r, item: r.feed.incidents[0] };
};

describe('untrusted text', () => {
  it('keeps HTML in names as literal text (never stripped, decoded or interpreted)', () => {
    const name = '<img src=x onerror=alert(1)> &amp; <b>bold</b>';
    expect(one({ name }).item?.name).toBe(name);
  });

  it('drops bidi override and isolate controls, raw or as entities, so text reads as sent', () => {
    // U+202E reverses what follows it up to the end of the line, in this name and past it
    // (a notification title, a list row), e.g. "Outage cod.exe" shown for "Outage exe.doc".
    const r = parseFeed({
      page: { name: 'Acme\u202e Status' },
      status: { indicator: 'major', description: 'Partial\u2067 outage' },
      components: [{ id: 'c', name: 'API\u202d', status: 'operational' }],
      incidents: [
        inc({
          name: 'Outage \u202Ecod.exe\u202C, \u2066ok\u2069, \u202Aa\u202Bb',
          incident_updates: [
            {
              id: 'u',
              status: 'investigating',
              body: '<p>x &#x202E;y &#8238;z \u2068w</p>',
              created_at: T,
            },
          ],
        }),
      ],
    });
    const f = r.feed;
    expect(f.page.name).toBe('Acme Status');
    expect(f.description).toBe('Partial outage');
    expect(f.components[0]!.name).toBe('API');
    expect(f.incidents[0]!.name).toBe('Outage cod.exe, ok, ab');
    expect(f.incidents[0]!.updates[0]!.body).toBe('x y z w');
  });

  it('keeps right-to-left text and the plain direction marks', () => {
    const name = 'انقطاع \u200fAPI\u200e שירות';
    expect(one({ name }).item?.name).toBe(name);
  });

  it('strips tags from bodies, dropping scripts; escaped markup stays text', () => {
    const { item } = one({
      incident_updates: [
        {
          id: 'u',
          body: 'Hi<script>steal()</script> <img src=x onerror=alert(1)>&lt;b&gt;',
          created_at: T,
        },
      ],
    });
    expect(item?.updates[0]?.body).toBe('Hi <b>');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://stspg.io/abc',
    '//stspg.io/abc',
    '/incidents/abc',
    'https://',
    'https:///path',
    'https://ok.test/"onmouseover="x',
    'https://ok.test/ space',
    'https://ok.test/<x>',
    42,
  ])('drops link %j with a problem', (link) => {
    const r = parseFeed({ page: { url: link }, incidents: [inc({ shortlink: link })] });
    expect(r.feed.page.url).toBeUndefined();
    expect(r.feed.incidents[0]?.shortlink).toBeUndefined();
    expect(r.problems.map((p) => p.path)).toEqual(['page.url', 'incidents[0].shortlink']);
  });

  it('keeps https links', () => {
    const r = parseFeed({
      page: { url: 'https://status.example.com' },
      incidents: [inc({ shortlink: 'HTTPS://stspg.io/x' })],
    });
    expect(r.feed.page.url).toBe('https://status.example.com');
    expect(r.feed.incidents[0]?.shortlink).toBe('HTTPS://stspg.io/x');
  });
});

describe('size caps', () => {
  it('caps a 2 MB body at 10,000 characters with "…" and a problem, quickly', () => {
    const body = 'x'.repeat(2_000_000);
    const start = performance.now();
    const r = parseFeed({
      incidents: [inc({ incident_updates: [{ id: 'u', body, created_at: T }] })],
    });
    expect(performance.now() - start).toBeLessThan(500);
    const text = r.feed.incidents[0]?.updates[0]?.body ?? '';
    expect(text).toHaveLength(10_000);
    expect(text.endsWith('…')).toBe(true);
    expect(r.problems.map(describeProblem)).toEqual([
      {
        path: 'incidents[0].incident_updates[0].body',
        message: 'over 10000 characters; cut',
      },
    ]);
  });

  it('caps a body made mostly of markup', () => {
    const body = '<b></b>'.repeat(300_000) + 'tail';
    const r = parseFeed({
      incidents: [inc({ incident_updates: [{ id: 'u', body, created_at: T }] })],
    });
    expect(r.feed.incidents[0]?.updates[0]?.body).toBe('…');
    expect(r.problems).toHaveLength(1);
  });

  it('caps names at 2,000 characters', () => {
    const r = parseFeed({ incidents: [inc({ name: 'n'.repeat(5000) })] });
    expect(r.feed.incidents[0]?.name).toHaveLength(2000);
    expect(r.feed.incidents[0]?.name.endsWith('…')).toBe(true);
    expect(r.problems[0]?.path).toBe('incidents[0].name');
  });

  it('does not split a surrogate pair when truncating', () => {
    const r = parseFeed(
      { incidents: [inc({ name: 'a' + '😀'.repeat(10) })] },
      { maxStringLength: 4 },
    );
    expect(r.feed.incidents[0]?.name).toBe('a😀…');
  });

  it('caps lists at 500 items by default and at maxItems when given', () => {
    const incidents = Array.from({ length: 600 }, (_, i) => inc({ id: `i${i}` }));
    const r = parseFeed({ incidents });
    expect(r.feed.incidents).toHaveLength(500);
    expect(r.problems.map(describeProblem)).toEqual([
      {
        path: 'incidents',
        message:
          '600 items, over the cap of 500: kept the open, most severe and most recent first; dropped 100 (Checkout errors, Checkout errors, Checkout errors, Checkout errors, Checkout errors, …)',
      },
    ]);
    const components = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: `C${i}` }));
    expect(parseFeed({ components }, { maxItems: 5 }).feed.components).toHaveLength(5);
  });

  it('bounds the problem list itself', () => {
    const incidents = Array.from({ length: 400 }, (_, i) => inc({ id: `i${i}`, impact: 'weird' }));
    const r = parseFeed({ incidents });
    expect(r.problems).toHaveLength(201);
    expect(r.problems.at(-1)).toEqual({ path: '', code: 'more', got: 200 });
    expect(describeProblem(r.problems.at(-1)!).message).toBe('200 more problems not listed');
  });
});

describe('wrong types and broken payloads', () => {
  it.each([
    ['truncated JSON', '{"page":{"id":"x"},"incidents":[{"id":"a","na', /truncated or malformed/],
    ['an HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', /HTML/],
    ['an empty string', '', /empty/],
  ])('%s → problem and an empty feed', (_label, text, message) => {
    const r = parseFeed(text);
    expect(r.kind).toBe('unknown');
    expect(r.feed).toEqual({
      page: {},
      indicator: 'unknown',
      description: '',
      incidents: [],
      maintenances: [],
      components: [],
    });
    expect(r.problems[0]?.code).toBe('json');
    expect(describeProblem(r.problems[0]!).message).toMatch(message);
  });

  it.each([null, undefined, 0, true, 'null', '42', '"text"', Symbol('s'), () => 1, 10n])(
    'non-object input %s → unknown kind with a problem',
    (input) => {
      const r = parseFeed(input);
      expect(r.kind).toBe('unknown');
      expect(r.problems.length).toBeGreaterThan(0);
    },
  );

  it('reports wrong types field by field and keeps what it can', () => {
    const r = parseFeed({
      page: 'GitHub',
      status: { indicator: 'purple', description: 7 },
      components: [{ id: 'c', name: {}, status: 'melting' }, 'nope', null],
      incidents: [
        inc({ incident_updates: 'none' }),
        inc({ id: 'b', created_at: 'yesterday', updated_at: '2024-13-45T99:00:00Z' }),
        inc({ id: 'c', impact: 'apocalyptic', status: 'on_fire' }),
        42,
      ],
      scheduled_maintenances: {},
    });
    expect(r.kind).toBe('summary');
    expect(r.feed.indicator).toBe('unknown');
    expect(r.feed.description).toBe('7');
    expect(r.feed.components).toEqual([
      { id: 'c', name: 'c', status: 'unknown', groupId: null, isGroup: false, children: [] },
    ]);
    const ids = r.feed.incidents.map((i) => i.id).sort();
    expect(ids).toEqual(['abc', 'b', 'c']);
    const b = r.feed.incidents.find((i) => i.id === 'b');
    expect(b?.createdAt).toBe(Date.parse(T)); // from its update
    const c = r.feed.incidents.find((i) => i.id === 'c');
    expect(c).toMatchObject({ impact: 'unknown', status: 'unknown', severity: null });
    const paths = r.problems.map((p) => p.path);
    for (const p of [
      'page',
      'status.indicator',
      'components[0].name',
      'components[0].status',
      'components[1]',
      'components[2]',
      'incidents[0].incident_updates',
      'incidents[1].created_at',
      'incidents[1].updated_at',
      'incidents[2].impact',
      'incidents[2].status',
      'incidents[3]',
      'scheduled_maintenances',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('drops an incident with neither id nor name, derives a stable id from a name', () => {
    const r = parseFeed({ incidents: [inc({ id: null, name: '' }), inc({ id: undefined })] });
    expect(r.feed.incidents).toHaveLength(1);
    expect(r.problems.map(describeProblem)).toContainEqual({
      path: 'incidents[0]',
      message: 'no id or name; dropped',
    });
    const again = parseFeed({ incidents: [inc({ id: undefined })] });
    expect(r.feed.incidents[0]?.id).toBe(again.feed.incidents[0]?.id);
    expect(r.feed.incidents[0]?.id).toMatch(/^x-/);
  });

  it('reads a date-time without a zone as UTC, whatever the zone of the machine it runs on', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // (Node reads it again on assignment)
    try {
      for (const created_at of ['2024-05-01 10:00:00', '2024-05-01T10:00:00', '2024-05-01T10:00'])
        expect(one({ created_at }).item!.createdAt, created_at).toBe(Date.parse(T));
      expect(one({ created_at: '2024-05-01T10:00:00.5' }).item!.createdAt).toBe(
        Date.parse(T) + 500,
      );
      expect(one({ created_at: '2024-05-01T03:00:00-07:00' }).item!.createdAt).toBe(Date.parse(T));
    } finally {
      process.env.TZ = zone;
    }
  });

  it('keeps an incident with an unusable date, falling back and reporting it', () => {
    const r = parseFeed({ incidents: [inc({ created_at: 'not a date', incident_updates: [] })] });
    expect(r.feed.incidents[0]?.createdAt).toBe(Date.parse(T)); // from updated_at
    expect(r.problems.map((p) => p.path)).toContain('incidents[0].created_at');
  });

  it('accepts incident.io-style numeric ids and a missing page', () => {
    const r = parseFeed({
      incidents: [
        {
          id: 1234,
          name: 'Degraded API',
          status: 'identified',
          impact: 'minor',
          created_at: T,
          incident_updates: [{ id: 99, status: 'identified', body: 'Found it', created_at: T }],
          components: [{ id: 7, name: 'API' }],
        },
      ],
      scheduled_maintenances: [],
    });
    expect(r.kind).toBe('summary');
    expect(r.feed.page).toEqual({});
    const i = r.feed.incidents[0];
    expect(i).toMatchObject({ id: '1234', updatedAt: Date.parse(T), severity: 3 });
    expect(i?.updates[0]?.id).toBe('99');
    expect(i?.components).toEqual([{ id: '7', name: 'API' }]);
    expect(r.problems).toEqual([]);
  });
});

describe('prototype pollution and hostile objects', () => {
  it('__proto__ / constructor / prototype keys do not pollute Object.prototype', () => {
    const text = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},
      "page":{"__proto__":{"polluted":"yes"},"id":"p"},
      "incidents":[{"__proto__":{"id":"evil","polluted":"yes"},"prototype":{"x":1},"id":"a","name":"A",
        "created_at":"${T}","incident_updates":[{"__proto__":{"polluted":"yes"},"id":"u","created_at":"${T}",
        "affected_components":[{"__proto__":{"polluted":"yes"},"code":"c","name":"C"}]}]}],
      "components":[{"__proto__":{"group":true},"id":"c","name":"C","components":["__proto__"]}]}`;
    const r = parseFeed(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.feed.incidents[0]?.id).toBe('a');
    expect(JSON.stringify(r.feed)).not.toContain('polluted');
    expect(r.feed.components[0]?.children).toEqual(['__proto__']); // a plain string id, inert
  });

  it('ignores inherited fields', () => {
    const sneaky = Object.create({ id: 'inherited', name: 'inherited' }) as Record<string, unknown>;
    const r = parseFeed({ incidents: [sneaky] });
    expect(r.feed.incidents).toEqual([]);
  });

  it('survives getters that throw and Proxies that throw on every trap', () => {
    const bomb = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    const getter = inc();
    Object.defineProperty(getter, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => parseFeed(bomb)).not.toThrow();
    const r = parseFeed({ page: bomb, incidents: [getter, inc({ id: 'ok' })], components: bomb });
    expect(r.feed.incidents.map((i) => i.id)).toEqual(['ok']);
    expect(r.problems.length).toBeGreaterThan(0);
    const listBomb = new Proxy([inc()], {
      get(t, k) {
        if (k === 'length') throw new Error('boom');
        return Reflect.get(t, k) as unknown;
      },
    });
    expect(() => parseFeed({ incidents: listBomb })).not.toThrow();
  });
});
