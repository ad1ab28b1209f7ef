/** parseFeed never throws and always returns a well-formed Feed, whatever it is given. */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentRef, FeedIncident, ParseResult } from '../types';
import {
  activeIncidents,
  describeProblem,
  effectiveIndicator,
  parseFeed,
  relevantMaintenances,
} from './index';

const DIR = new URL('../../../tests/fixtures/statuspage/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as unknown);

const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance', 'unknown'];
const STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'unknown',
];
const COMPONENT = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
  'unknown',
];
const isStr = (v: unknown): boolean => typeof v === 'string';
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const optTime = (v: unknown): boolean => v === undefined || isTime(v);

function checkRef(r: ComponentRef): void {
  expect(isStr(r.name)).toBe(true);
  if (r.id !== undefined) expect(isStr(r.id)).toBe(true);
  if (r.oldStatus !== undefined) expect(COMPONENT).toContain(r.oldStatus);
  if (r.newStatus !== undefined) expect(COMPONENT).toContain(r.newStatus);
}

function checkIncident(i: FeedIncident, kind: 'incident' | 'maintenance'): void {
  expect(i.kind).toBe(kind);
  expect(isStr(i.id) && i.id !== '').toBe(true);
  expect(isStr(i.name)).toBe(true);
  expect(i.name.length).toBeLessThanOrEqual(2000);
  expect(STATUSES).toContain(i.status);
  expect(IMPACTS).toContain(i.impact);
  expect([1, 2, 3, 4, null]).toContain(i.severity);
  expect(isTime(i.createdAt) && isTime(i.updatedAt)).toBe(true);
  for (const t of [i.startedAt, i.monitoringAt, i.resolvedAt, i.scheduledFor, i.scheduledUntil]) {
    expect(optTime(t)).toBe(true);
  }
  if (i.shortlink !== undefined)
    expect(i.shortlink.toLowerCase().startsWith('https://')).toBe(true);
  i.components.forEach(checkRef);
  for (let k = 0; k < i.updates.length; k++) {
    const u = i.updates[k]!;
    expect(isStr(u.id) && isStr(u.body)).toBe(true);
    expect(u.body.length).toBeLessThanOrEqual(10_000);
    expect(STATUSES).toContain(u.status);
    expect(isTime(u.createdAt) && isTime(u.displayAt) && optTime(u.updatedAt)).toBe(true);
    u.affectedComponents.forEach(checkRef);
    if (k > 0) expect(i.updates[k - 1]!.displayAt).toBeGreaterThanOrEqual(u.displayAt);
  }
}

function checkResult(r: ParseResult): void {
  expect([
    'summary',
    'status',
    'components',
    'incidents',
    'incident',
    'maintenances',
    'unknown',
  ]).toContain(r.kind);
  const f = r.feed;
  expect(IMPACTS).toContain(f.indicator);
  expect(isStr(f.description)).toBe(true);
  if (f.page.url !== undefined) expect(f.page.url.toLowerCase().startsWith('https://')).toBe(true);
  expect(optTime(f.page.updatedAt)).toBe(true);
  f.incidents.forEach((i) => checkIncident(i, 'incident'));
  f.maintenances.forEach((i) => checkIncident(i, 'maintenance'));
  for (const c of f.components) {
    expect(isStr(c.id) && isStr(c.name)).toBe(true);
    expect(COMPONENT).toContain(c.status);
    expect(c.groupId === null || isStr(c.groupId)).toBe(true);
    expect(typeof c.isGroup).toBe('boolean');
    expect(c.children.every(isStr)).toBe(true);
  }
  for (const p of r.problems) {
    expect(isStr(p.path) && isStr(p.code)).toBe(true);
    expect(isStr(describeProblem(p).message)).toBe(true);
  }
  // The feed is plain data: it survives a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(r.feed))).toEqual(r.feed);
  // And the questions views ask of it do not throw either.
  effectiveIndicator(f);
  effectiveIndicator(f, ['API', 'x']);
  activeIncidents(f);
  relevantMaintenances(f, 0);
}

/** Replaces the value at a random path inside a fixture with an arbitrary value. */
function mutate(root: unknown, path: number[], value: unknown): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let d = 0; d < path.length; d++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[path[d]! % keys.length]!;
    const isLast = d === path.length - 1;
    const child = (node as Record<string, unknown>)[key];
    if (isLast || typeof child !== 'object' || child === null) {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

describe('parseFeed never throws (property-based)', () => {
  it('on fc.anything()', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true }),
        (v) => {
          checkResult(parseFeed(v));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on fc.jsonValue() and its text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        checkResult(parseFeed(v));
        checkResult(parseFeed(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary strings (truncated or garbage JSON)', () => {
    const text = JSON.stringify(FIXTURES[8]);
    fc.assert(
      fc.property(fc.string(), fc.nat(text.length), (s, cut) => {
        checkResult(parseFeed(s));
        checkResult(parseFeed(text.slice(0, cut)));
      }),
      { numRuns: 300 },
    );
  });

  it('on fixtures with one value anywhere replaced by anything', () => {
    fc.assert(
      fc.property(
        fc.nat(FIXTURES.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fc.jsonValue(),
          fc.anything(),
          fc.constantFrom('javascript:x', '__proto__', -1e308, ''),
        ),
        (f, path, value) => {
          checkResult(parseFeed(mutate(FIXTURES[f], path, value)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on fixtures with several values replaced, with tiny caps', () => {
    fc.assert(
      fc.property(
        fc.nat(FIXTURES.length - 1),
        fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue()), {
          maxLength: 8,
        }),
        fc.integer({ min: -5, max: 20 }),
        (f, edits, cap) => {
          let doc = FIXTURES[f];
          for (const [path, value] of edits) doc = mutate(doc, path, value);
          checkResult(parseFeed(doc, { maxItems: cap, maxStringLength: cap }));
        },
      ),
      { numRuns: 500 },
    );
  });
});
