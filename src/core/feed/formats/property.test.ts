/**
 * No input makes an adapter or the detector throw, and every result is a well-formed feed:
 * arbitrary values, arbitrary text, XML-ish token soup, and the provider fixtures with values
 * replaced anywhere (including throwing getters).
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeIncidents, effectiveIndicator, relevantMaintenances } from '../index';
import { ADAPTERS, FORMATS, describeAdapterProblem, detectFormat, readFeed } from './index';
import type { FormatResult } from './types';

/** The provider fixtures (tests/fixtures/feeds, see SOURCES.md there). */
const FIXTURES = new URL('../../../../tests/fixtures/feeds/', import.meta.url);
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.md'))
    .sort();

const WORDS = 'unknown none minor major critical maintenance';
const STATUS = `${WORDS} investigating identified monitoring resolved postmortem scheduled in_progress verifying completed`;
const COMPONENT =
  'operational degraded_performance partial_outage major_outage under_maintenance unknown';
const https = (v: string | undefined): boolean =>
  v === undefined || v.toLowerCase().startsWith('https://');

/** The invariants every view relies on. */
function check(r: FormatResult): void {
  const f = r.feed;
  expect([...FORMATS, 'unknown']).toContain(r.format);
  expect(WORDS.split(' ')).toContain(f.indicator);
  expect(https(f.page.url)).toBe(true);
  for (const i of [...f.incidents, ...f.maintenances]) {
    expect(typeof i.id == 'string' && i.id !== '').toBe(true);
    expect(typeof i.name).toBe('string');
    expect(STATUS.split(' ')).toContain(i.status);
    expect(WORDS.split(' ')).toContain(i.impact);
    expect(Number.isFinite(i.createdAt) && Number.isFinite(i.updatedAt)).toBe(true);
    expect(https(i.shortlink)).toBe(true);
    for (const u of i.updates) {
      expect(typeof u.body).toBe('string');
      expect(STATUS.split(' ')).toContain(u.status);
      expect(Number.isFinite(u.displayAt)).toBe(true);
    }
  }
  for (const c of f.components) expect(COMPONENT.split(' ')).toContain(c.status);
  for (const p of r.problems) expect(typeof describeAdapterProblem(p).message).toBe('string');
  expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  effectiveIndicator(f);
  activeIncidents(f);
  relevantMaintenances(f, 0);
}

/** Every adapter, the detector and readFeed on one input. */
function all(v: unknown): void {
  detectFormat(v);
  detectFormat(v, 'https://s.example/index.json');
  check(readFeed(v));
  for (const format of FORMATS) check(ADAPTERS[format](v, { maxItems: 20 }));
}

const JSON_FIXTURES = fixtureNames()
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fixtureText(f)) as unknown);
const XML_FIXTURES = fixtureNames()
  .filter((f) => /\.(atom|rss)$/.test(f))
  .map(fixtureText);

/** Replaces the value at a path inside a document (keys and indices chosen modulo). */
function mutate(root: unknown, path: number[], value: unknown): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let d = 0; d < path.length && typeof node == 'object' && node !== null; d++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[path[d]! % keys.length]!;
    const next = (node as Record<string, unknown>)[key];
    if (d == path.length - 1 || typeof next != 'object' || next === null) {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = next;
  }
  return copy;
}

/** An object whose every read throws. */
const trap = (): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('trap');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('trap');
      },
      has: () => {
        throw new Error('trap');
      },
    },
  );

const TOKENS = [
  '<feed>',
  '</feed>',
  '<rss>',
  '<channel>',
  '</channel>',
  '<entry>',
  '</entry>',
  '<item>',
  '</item>',
  '<title>',
  '</title>',
  '<link href="https://a.example/i/1"/>',
  '<link>',
  '</link>',
  '<content type="html">',
  '</content>',
  '<description>',
  '</description>',
  '<updated>2026-01-01T00:00:00Z</updated>',
  '<pubDate>Mon, 15 Jan 2024 11:45:00 GMT</pubDate>',
  '&lt;p&gt;&lt;small&gt;Jan 1, 10:00 UTC&lt;/small&gt;',
  '&lt;strong&gt;Resolved&lt;/strong&gt; - ',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE x [',
  ']>',
  '&amp;',
  '&#x0;',
  '<',
  '>',
  '"',
  "'",
  ' ',
  'text',
  '[Investigating] ',
];

describe('adapters and detection never throw (property-based)', () => {
  it('on fc.anything()', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true }),
        all,
      ),
      { numRuns: 200 },
    );
  });

  it('on JSON values and their text, and on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (v, s) => {
        all(v);
        all(JSON.stringify(v));
        all(s);
      }),
      { numRuns: 200 },
    );
  });

  it('on XML token soup and truncated XML fixtures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }),
        fc.nat(XML_FIXTURES.length - 1),
        fc.nat(),
        (tokens, f, cut) => {
          all(tokens.join(''));
          const text = XML_FIXTURES[f]!;
          all(text.slice(0, cut % (text.length + 1)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on the JSON fixtures with values replaced anywhere (throwing getters too)', () => {
    fc.assert(
      fc.property(
        fc.nat(JSON_FIXTURES.length - 1),
        fc.array(
          fc.tuple(
            fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
            fc.oneof(
              fc.jsonValue(),
              fc.constantFrom(
                'javascript:alert(1)',
                '__proto__',
                '<script>x</script>',
                -1e308,
                '',
                'INVESTIGATING',
              ),
            ),
          ),
          { maxLength: 6 },
        ),
        fc.boolean(),
        (f, edits, withTrap) => {
          let doc = JSON_FIXTURES[f];
          for (const [path, value] of edits) doc = mutate(doc, path, value);
          if (withTrap && edits[0]) doc = mutate(doc, edits[0][0], 'TRAP');
          const text = JSON.stringify(doc);
          all(withTrap ? JSON.parse(text, (_, v: unknown) => (v === 'TRAP' ? trap() : v)) : doc);
          all(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
