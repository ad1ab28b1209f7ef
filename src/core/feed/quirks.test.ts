/** One test per quirk listed in tests/fixtures/statuspage/SOURCES.md. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedIncident } from '../types';
import { activeIncidents, describeProblem, effectiveIndicator, isActive, parseFeed } from './index';

const DIR = new URL('../../../tests/fixtures/statuspage/', import.meta.url);
const feedOf = (name: string): Feed => parseFeed(readFileSync(new URL(name, DIR), 'utf8')).feed;
const byId = (feed: Feed, id: string): FeedIncident => {
  const found = [...feed.incidents, ...feed.maintenances].find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
};
const EMMA = 'ManagerDashboard-emma-incidents.json';

describe('SOURCES.md quirks', () => {
  it('critical incident while the page indicator says "none" (NYU) reads critical', () => {
    const feed = feedOf('statuspage-embed-nyu-summary-critical-investigating.json');
    expect(feed.indicator).toBe('none');
    expect(feed.components.every((c) => c.status === 'operational')).toBe(true);
    expect(activeIncidents(feed)[0]).toMatchObject({ impact: 'critical', severity: 1 });
    expect(effectiveIndicator(feed)).toBe('critical');
  });

  it('major incident under a "minor" page indicator (GitHub exporter) reads major', () => {
    const feed = feedOf('statuspage-exporter-github-summary-investigating.json');
    expect(feed.indicator).toBe('minor');
    expect(effectiveIndicator(feed)).toBe('major');
  });

  it('major identified incident under "none" (NYU) reads major', () => {
    expect(effectiveIndicator(feedOf('statuspage-embed-nyu-summary-major-identified.json'))).toBe(
      'major',
    );
  });

  it('affected_components null becomes an empty list', () => {
    const feed = feedOf(EMMA);
    const updates = feed.incidents.flatMap((i) => i.updates);
    expect(updates).toHaveLength(105);
    const x = byId(feed, 'x0ljvc9m1wxj');
    expect(x.updates[0]?.affectedComponents).toEqual([]);
  });

  it('affected_components list becomes refs with the code as id', () => {
    const updates = feedOf(EMMA).incidents.flatMap((i) => i.updates);
    // 79 lists, of which 19 are the legacy placeholder.
    const withRefs = updates.filter((u) => u.affectedComponents.length > 0);
    expect(withRefs).toHaveLength(60);
    for (const u of withRefs) {
      for (const r of u.affectedComponents) expect(r.id).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('the legacy placeholder without code means "no components"', () => {
    const updates = feedOf(EMMA).incidents.flatMap((i) => i.updates);
    const names = updates.flatMap((u) => u.affectedComponents.map((r) => r.name));
    expect(names.some((n) => n.startsWith('No components were affected'))).toBe(false);
    const tricky = feedOf('lurk_incidents-incident-tricky-end-time.json').incidents[0];
    expect(tricky?.updates[0]?.affectedComponents).toEqual([]);
  });

  it('incident objects without a components key get an empty list', () => {
    for (const inc of feedOf(EMMA).incidents) expect(inc.components).toEqual([]);
  });

  it('`resolved` with `resolved_at: null` stays resolved, with no invented resolution time', () => {
    const inc = byId(feedOf('lurk_incidents-incident-tricky-end-time.json'), 'w0b0y82g23fy');
    expect(inc.status).toBe('resolved');
    expect(inc.resolvedAt).toBeUndefined(); // its only update is `investigating`
    expect(isActive(inc)).toBe(false);
  });

  it('`resolved_at: null` falls back to the resolved update time when there is one', () => {
    const text = readFileSync(new URL('stactus-github-incidents.json', DIR), 'utf8');
    const raw = JSON.parse(text) as { incidents: Record<string, unknown>[] };
    raw.incidents[0]!.resolved_at = null;
    const inc = byId(parseFeed(raw).feed, '69sb0f8lydp4');
    expect(inc.resolvedAt).toBe(Date.parse('2024-09-16T22:08:39.333Z'));
  });

  it('HTML <br /> in a body becomes line breaks (GitHub)', () => {
    const inc = byId(feedOf('stactus-github-incidents.json'), 'r3x7x31k7nn1');
    const u = inc.updates.find((x) => x.id === '6rswdngzbjfg');
    expect(u?.body).toBe(
      'We are seeing up to 2% of Git SSH connections failing.\n\nWe have taken suspected problematic hosts out of rotation and are monitoring for recovery and continuing to investigate.',
    );
  });

  it('\\r\\n in bodies becomes \\n (Emma, Cloudflare, Atlassian)', () => {
    for (const name of [
      EMMA,
      'cloudflared-cloudflare-incidents.json',
      'lurk_incidents-incident-tricky-end-time.json',
    ]) {
      const bodies = feedOf(name).incidents.flatMap((i) => i.updates.map((u) => u.body));
      expect(bodies.some((b) => b.includes('\n\n'))).toBe(true);
      for (const b of bodies) expect(b).not.toContain('\r');
    }
  });

  it('a 595-character body is kept whole', () => {
    const bodies = feedOf(EMMA).incidents.flatMap((i) => i.updates.map((u) => u.body));
    expect(Math.max(...bodies.map((b) => b.length))).toBeGreaterThan(580);
  });

  it('timestamps with offsets are converted to the right instant', () => {
    const emma = byId(feedOf(EMMA), 'x0ljvc9m1wxj');
    expect(emma.createdAt).toBe(Date.parse('2019-02-20T18:00:19.418Z'));
    const renku = feedOf('renku-ui-summary-outage.json');
    expect(renku.page.updatedAt).toBe(Date.parse('2022-12-14T11:25:16.394Z'));
    const nyu = feedOf('statuspage-embed-nyu-summary-critical-investigating.json');
    expect(nyu.page.updatedAt).toBe(Date.parse('2026-05-13T02:22:52.776Z'));
  });

  it('display_at earlier than created_at: updates are ordered by display time', () => {
    const inc = byId(feedOf(EMMA), '272vrysp78ds');
    // Created in the order t9f4…, qnk7…, 0by8… weeks later, but displayed 16:53, 16:52, 16:45.
    expect(inc.updates.map((u) => u.id)).toEqual(['0by8fyp6c5wl', 'qnk7fhn21xs0', 't9f4rt7ltkpf']);
    for (const u of inc.updates) expect(u.displayAt).toBeLessThan(u.createdAt);
  });

  it('an update inconsistent with the component list still counts (renku outage)', () => {
    const feed = feedOf('renku-ui-summary-outage.json');
    expect(feed.components.every((c) => c.status === 'operational')).toBe(true);
    const inc = feed.incidents[0];
    expect(inc?.updates[0]?.affectedComponents[0]?.newStatus).toBe('major_outage');
    expect(effectiveIndicator(feed)).toBe('critical');
  });

  it('an incident whose first update is `identified` parses (no investigating update)', () => {
    const inc = feedOf('lurk_incidents-incident-tricky-start-time.json').incidents[0];
    expect(inc?.impact).toBe('none');
    expect(inc?.severity).toBe(4);
    expect(inc?.updates.map((u) => u.status)).toEqual(['resolved', 'identified']);
  });

  it('legacy 2016 single-incident fields are ignored, the rest is kept', () => {
    const inc = feedOf('lurk_incidents-incident-major-impact-long-description.json').incidents[0];
    expect(inc).toMatchObject({ id: 'lphfkdlhdbbd', impact: 'critical', status: 'resolved' });
    expect(inc?.components.length).toBe(14);
    expect(Object.keys(inc ?? {})).not.toContain('postmortem_body');
  });

  it('http shortlinks on stspg.io / mstspg.co are dropped with a problem', () => {
    const r = parseFeed(readFileSync(new URL(EMMA, DIR), 'utf8'));
    expect(r.feed.incidents.every((i) => i.shortlink === undefined)).toBe(true);
    expect(r.problems).toHaveLength(22);
    expect(r.problems[0]).toEqual({
      path: 'incidents[0].shortlink',
      code: 'link',
      got: 'http://stspg.io/7a0d3a4d2',
    });
    expect(describeProblem(r.problems[0]!).message).toBe(
      'link dropped (https only): "http://stspg.io/7a0d3a4d2"',
    );
  });
});
