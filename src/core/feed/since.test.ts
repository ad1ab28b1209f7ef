import { describe, expect, it } from 'vitest';
import type { FeedIncident } from '../types';
import { endedAt, incidentLink, keepResolved, startedAt } from './since';

const T = Date.UTC(2026, 11, 5, 12, 0);
const MIN = 60_000;
const base: FeedIncident = {
  id: 'inc 1',
  kind: 'incident',
  name: 'Checkout errors',
  status: 'identified',
  impact: 'major',
  severity: 2,
  createdAt: T - 30 * MIN,
  updatedAt: T,
  components: [],
  updates: [],
};

describe('startedAt', () => {
  it('is the start time, else the creation time; a maintenance starts with its window', () => {
    expect(startedAt(base)).toBe(T - 30 * MIN);
    expect(startedAt({ ...base, startedAt: T - 40 * MIN })).toBe(T - 40 * MIN);
    const m = { ...base, kind: 'maintenance' as const, status: 'scheduled' as const };
    expect(startedAt({ ...m, scheduledFor: T + 60 * MIN })).toBe(T + 60 * MIN);
  });
});

describe('endedAt and keepResolved', () => {
  const resolved = { ...base, status: 'resolved' as const };
  it('is the resolution time, else the resolving update, else the last sighting', () => {
    // dropped by a summary feed while still "identified" in the last copy seen
    expect(endedAt(base, T - 4 * MIN)).toBe(T - 4 * MIN);
    expect(endedAt({ ...resolved, resolvedAt: T - 5 * MIN }, T)).toBe(T - 5 * MIN);
    const upd = {
      id: 'u',
      status: 'resolved' as const,
      body: 'Fixed.',
      createdAt: T - 7 * MIN,
      displayAt: T - 7 * MIN,
      affectedComponents: [],
    };
    expect(endedAt({ ...resolved, updates: [upd] }, T)).toBe(T - 7 * MIN);
    expect(endedAt({ ...resolved, updatedAt: T - 9 * MIN }, T)).toBe(T - 9 * MIN);
    // dropped by a summary feed while still "identified" in the last copy seen
    expect(
      endedAt(
        { ...base, status: 'unknown', resolvedAt: undefined, kind: 'maintenance' },
        T - 2 * MIN,
      ),
    ).toBe(T - 2 * MIN);
    expect(endedAt({ ...base, status: 'unknown', resolvedAt: T - MIN }, T)).toBe(T - MIN);
  });
  it('keeps an incident for the configured minutes after it ended, never a maintenance', () => {
    expect(keepResolved(resolved, T - 119 * MIN, T, 120)).toBe(true);
    expect(keepResolved(resolved, T - 120 * MIN, T, 120)).toBe(false);
    expect(keepResolved(resolved, T - MIN, T, 0)).toBe(false);
    expect(keepResolved(resolved, undefined, T, 120)).toBe(false);
    expect(keepResolved({ ...resolved, kind: 'maintenance' }, T - MIN, T, 120)).toBe(false);
  });
});

describe('incidentLink', () => {
  const src = 'https://acme.statuspage.io/api/v2/summary.json';
  const page = 'https://status.acme.com';
  it('is the shortlink when it is https on the source or page host', () => {
    expect(incidentLink({ ...base, shortlink: 'https://status.acme.com/i/x' }, src, page)).toBe(
      'https://status.acme.com/i/x',
    );
    expect(incidentLink({ ...base, shortlink: 'https://acme.statuspage.io/i/x' }, src, page)).toBe(
      'https://acme.statuspage.io/i/x',
    );
  });
  it('else the status page incident URL for a Statuspage incident, its id encoded', () => {
    const sp = { ...base, pageId: 'pg1', shortlink: 'https://evil.example/x' };
    expect(incidentLink(sp, src, `${page}/`)).toBe('https://status.acme.com/incidents/inc%201');
    expect(
      incidentLink({ ...base, shortlink: 'https://evil.example/x' }, src, page),
    ).toBeUndefined();
  });
  it('never http, credentials or another host', () => {
    expect(incidentLink({ ...base, shortlink: 'http://status.acme.com/x' }, src, page)).toBe(
      undefined,
    );
    expect(
      incidentLink({ ...base, shortlink: 'https://u:p@status.acme.com/x' }, src, page),
    ).toBeUndefined();
    expect(incidentLink({ ...base, pageId: 'p' }, src, 'http://status.acme.com')).toBeUndefined();
    expect(incidentLink({ ...base, pageId: 'p' }, 'http://127.0.0.1:7200/s.json', undefined)).toBe(
      undefined,
    );
  });
});
