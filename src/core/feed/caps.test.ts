import { describe, expect, it } from 'vitest';
import { activeIncidents, describeProblem, isUsableFeed, parseFeed } from './index';

const DAY = 86_400_000;
const T0 = Date.parse('2024-05-01T10:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const incident = (id: string, at: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Incident ${id}`,
  status: 'resolved',
  impact: 'minor',
  created_at: iso(at),
  updated_at: iso(at),
  incident_updates: [],
  ...extra,
});

describe('a feed too large to keep whole', () => {
  // 600 resolved incidents, newest first, as a history feed lists them; the one still open and
  // critical was declared long ago and sits last.
  const history = Array.from({ length: 599 }, (_, i) => incident(`r${i}`, T0 - i * 3_600_000));
  const open = incident('open', T0 - 90 * DAY, {
    name: 'Database unreachable',
    status: 'identified',
    impact: 'critical',
  });

  it('never hides the most severe open incident', () => {
    const r = parseFeed({ incidents: [...history, open] });
    expect(r.feed.incidents).toHaveLength(500);
    expect(activeIncidents(r.feed)[0]?.name).toBe('Database unreachable');
  });

  it('keeps open before closed, then the most severe, then the most recent, and names what it dropped', () => {
    const major = incident('major-old', T0 - 400 * DAY, { impact: 'major' });
    const r = parseFeed({ incidents: [...history, major, open] }, { maxItems: 3 });
    // the open one, then the major (more severe than every minor), then the newest minor
    expect(r.feed.incidents.map((i) => i.id).sort()).toEqual(['major-old', 'open', 'r0']);
    const p = r.problems.find((x) => x.code === 'items')!;
    expect(p.path).toBe('incidents');
    expect(p.got).toEqual({ total: 601, kept: 3, dropped: 598 });
    expect(p.dropped?.slice(0, 2)).toEqual(['Incident r1', 'Incident r2']);
    expect(describeProblem(p).message).toBe(
      '601 items, over the cap of 3: kept the open, most severe and most recent first; dropped 598 (Incident r1, Incident r2, Incident r3, Incident r4, Incident r5, …)',
    );
  });

  it('keeps the newest updates of an incident and the worst components', () => {
    const updates = Array.from({ length: 10 }, (_, i) => ({
      id: `u${i}`,
      status: 'investigating',
      body: `update ${i}`,
      created_at: iso(T0 + i * 60_000),
    }));
    const components = [
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `ok${i}`,
        name: `OK ${i}`,
        status: 'operational',
      })),
      { id: 'down', name: 'API', status: 'major_outage' },
    ];
    const r = parseFeed(
      {
        incidents: [incident('a', T0, { status: 'investigating', incident_updates: updates })],
        components,
      },
      { maxItems: 3 },
    );
    expect(r.feed.incidents[0]!.updates.map((u) => u.id)).toEqual(['u9', 'u8', 'u7']);
    expect(r.feed.components.map((c) => c.id)).toContain('down');
  });
});

describe('valid JSON that is not a status summary', () => {
  const summary = {
    page: { id: 'p', name: 'Acme', url: 'https://status.acme.test' },
    status: { indicator: 'minor', description: 'Minor' },
    components: [{ id: 'c', name: 'API', status: 'degraded_performance' }],
    incidents: [incident('a', T0, { status: 'investigating' })],
    scheduled_maintenances: [],
  };

  it('a real summary is usable', () => {
    expect(isUsableFeed(parseFeed(summary))).toBe(true);
  });

  it.each([
    ['page a string', { ...summary, page: 'Acme' }],
    ['components an object', { ...summary, components: { c: { id: 'c' } } }],
    ['status.indicator a number', { ...summary, status: { indicator: 3, description: '' } }],
    ['status a string', { ...summary, status: 'ok' }],
    ['incidents an object', { ...summary, incidents: {} }],
    ['only a status block with a number', { status: { indicator: 2 } }],
    ['a bare object', { hello: 'world' }],
  ])('%s is not usable', (_label, payload) => {
    expect(isUsableFeed(parseFeed(payload))).toBe(false);
  });

  it('an unknown indicator word is still a summary (read as unknown)', () => {
    expect(isUsableFeed(parseFeed({ ...summary, status: { indicator: 'purple' } }))).toBe(true);
  });
});
