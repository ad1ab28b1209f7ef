import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feed, FeedIncident } from '../types';
import { activeIncidents, effectiveIndicator, parseFeed, parseSummary } from './index';

const DIR = join(process.cwd(), 'tests/fixtures/statuspage');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/** What a banner and a badge read of an incident. */
const shown = (i: FeedIncident) => ({
  id: i.id,
  name: i.name,
  kind: i.kind,
  status: i.status,
  impact: i.impact,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  scheduledFor: i.scheduledFor,
  scheduledUntil: i.scheduledUntil,
  resolvedAt: i.resolvedAt,
  shortlink: i.shortlink,
  components: i.components.map((c) => [c.id, c.name]),
  updates: i.updates.map((u) => [
    u.id,
    u.status,
    u.body,
    u.displayAt,
    u.affectedComponents.map((c) => [c.id, c.name]),
  ]),
});
const view = (f: Feed) => ({
  url: f.page.url,
  indicator: f.indicator,
  effective: effectiveIndicator(f),
  incidents: f.incidents.map(shown),
  maintenances: f.maintenances.map(shown),
  active: activeIncidents(f).map((i) => i.id),
  components: f.components.map((c) => [c.id, c.name, c.status, c.groupId, c.children]),
});

describe('parseSummary, the widgets’ entry of the parser', () => {
  it.each(fixtures)(
    'reads what a banner and a badge show exactly as parseFeed does: %s',
    (name) => {
      const json = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
      const full = parseFeed(json);
      if (full.kind === 'incident') return; // (a single incident is not a widget's source)
      const widget = parseSummary(json);
      expect(widget.kind).toBe(full.kind);
      expect(view(widget.feed)).toEqual(view(full.feed));
    },
  );

  it('leaves out the fields no widget reads', () => {
    const r = parseSummary({
      page: { id: 'p', name: 'Acme', url: 'https://status.acme.test', time_zone: 'UTC' },
      components: [
        { id: 'c', name: 'API', status: 'operational', description: 'REST', position: 1 },
      ],
      incidents: [
        {
          id: 'a',
          name: 'Down',
          status: 'investigating',
          page_id: 'p',
          monitoring_at: '2024-05-01T10:00:00Z',
        },
      ],
    });
    expect(r.feed.page).toEqual({ url: 'https://status.acme.test' });
    expect(r.feed.components[0]).not.toHaveProperty('description');
    expect(r.feed.incidents[0]).not.toHaveProperty('monitoringAt');
    // (the page id is read: it is what says the incident has a page of its own to link to)
    expect(r.feed.incidents[0]!.pageId).toBe('p');
  });

  it('reads the top level as parseFeed does: bad JSON is one problem, a bare list is no summary', () => {
    for (const parse of [parseFeed, parseSummary]) {
      const bad = parse('{"incidents": [');
      expect(bad.kind).toBe('unknown');
      expect(bad.problems.map((p) => p.code)).toEqual(['json']);
    }
    const list = parseSummary([{ id: 'a', name: 'Down', status: 'investigating' }]);
    expect(list.kind).toBe('unknown');
    expect(list.feed.incidents).toEqual([]);
    expect(list.problems.map((p) => p.code)).toEqual(['payload']);
  });

  it('reads JSON text after a byte order mark (a file saved as UTF-8 with BOM) as without it', () => {
    const text = readFileSync(join(DIR, 'renku-ui-summary-outage.json'), 'utf8');
    for (const parse of [parseFeed, parseSummary]) {
      const r = parse('\uFEFF' + text);
      expect(r.problems).toEqual([]);
      expect(view(r.feed)).toEqual(view(parse(text).feed));
    }
  });
});
