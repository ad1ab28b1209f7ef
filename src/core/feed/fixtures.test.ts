import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedIncident } from '../types';
import { parseFeed } from './index';

const DIR = new URL('../../../tests/fixtures/statuspage/', import.meta.url);
const load = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');
const parse = (name: string) => parseFeed(load(name));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

function only(feed: Feed, id: string): FeedIncident {
  const found = [...feed.incidents, ...feed.maintenances].find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
}

describe('every fixture', () => {
  it('has the 17 fixtures SOURCES.md lists', () => {
    expect(FILES).toHaveLength(17);
  });

  it.each(FILES)('%s parses from text and from a value without throwing', (name) => {
    const text = load(name);
    const fromText = parseFeed(text);
    const fromValue = parseFeed(JSON.parse(text) as unknown);
    expect(fromValue).toEqual(fromText);
    expect(fromText.kind).not.toBe('unknown');
    // The only problems real feeds produce here are http shortlinks.
    for (const p of fromText.problems) expect(p.code).toBe('link');
  });
});

describe('kind detection', () => {
  it.each([
    ['renku-ui-summary-operational.json', 'summary'],
    ['statuspage-exporter-github-summary-investigating.json', 'summary'],
    ['pythonparadigm-github-status.json', 'status'],
    ['stactus-github-components.json', 'components'],
    ['terraform-provider-hcp-hashicorp-components-grouped.json', 'components'],
    ['stactus-github-incidents.json', 'incidents'],
    ['ManagerDashboard-emma-incidents.json', 'incidents'],
    ['lurk_incidents-incident-tricky-end-time.json', 'incident'],
  ])('%s is %s', (name, kind) => {
    expect(parse(name).kind).toBe(kind);
  });
});

describe('fields the product uses survive', () => {
  it('summary during an incident (GitHub exporter)', () => {
    const { feed } = parse('statuspage-exporter-github-summary-investigating.json');
    expect(feed.page).toEqual({
      id: 'kctbh9vrtdwd',
      name: 'GitHub',
      url: 'https://www.githubstatus.com',
      timeZone: 'Etc/UTC',
      updatedAt: Date.parse('2022-11-25T15:50:05.892Z'),
    });
    expect(feed.indicator).toBe('minor');
    expect(feed.description).toBe('Minor Service Outage');
    expect(feed.components).toHaveLength(11);
    expect(feed.components.find((c) => c.id === 'st3j38cctv9l')).toMatchObject({
      name: 'Packages',
      status: 'partial_outage',
      groupId: null,
      isGroup: false,
      children: [],
      position: expect.any(Number) as number,
    });
    const inc = only(feed, 'ljwdk6qml8z8');
    expect(inc).toMatchObject({
      kind: 'incident',
      name: 'Incident with Packages and Pages',
      status: 'investigating',
      impact: 'major',
      severity: 2,
      shortlink: 'https://stspg.io/33vh8r7z43kh',
      pageId: 'kctbh9vrtdwd',
    });
    expect(inc.components.map((c) => c.id)).toEqual(['st3j38cctv9l', 'vg70hn9s2tyj']);
    expect(inc.updates).toHaveLength(7);
    expect(inc.updates[0]?.id).toBe('k0x2s8g2plxb');
    expect(inc.updates[0]?.displayAt).toBe(Date.parse('2022-11-25T15:50:04.967Z'));
    expect(inc.updates[0]?.body).toMatch(/^Packages is now experiencing degraded performance/);
    expect(inc.updates[0]?.affectedComponents).toEqual([
      { id: 'vg70hn9s2tyj', name: 'Pages', oldStatus: 'operational', newStatus: 'operational' },
      {
        id: 'st3j38cctv9l',
        name: 'Packages',
        oldStatus: 'major_outage',
        newStatus: 'major_outage',
      },
    ]);
    expect(inc.updates[1]?.affectedComponents).toEqual([]);
  });

  it('scheduled maintenance in a summary goes to maintenances with its window', () => {
    const { feed } = parse('renku-ui-summary-scheduled-maintenance.json');
    expect(feed.incidents).toEqual([]);
    const m = only(feed, 'gtny7hgjy2qx');
    expect(m).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      impact: 'maintenance',
      severity: null,
      scheduledFor: Date.parse('2021-11-01T08:30:00.000Z'),
      scheduledUntil: Date.parse('2021-11-01T10:30:00.000Z'),
      startedAt: Date.parse('2021-10-28T10:08:41.163Z'),
      shortlink: 'https://stspg.io/yzmzx4a0600v',
    });
    expect(m.updates.map((u) => u.id)).toEqual(['tx2twyftbxfs', 'k1w8y0nt5vqf', 'gdsnb8wpb4w9']);
    // Group id set, but no group object in the payload: kept as given.
    expect(feed.components.find((c) => c.name === 'KG')?.groupId).toBe('jdmyb79xmqh7');
    expect(feed.components.find((c) => c.name === 'Loud')?.showcase).toBe(false);
  });

  it('maintenance in progress (NYU)', () => {
    const { feed } = parse('statuspage-embed-nyu-summary-maintenance-in-progress.json');
    expect(feed.indicator).toBe('maintenance');
    const m = only(feed, 'sftc8fdy9k15');
    expect(m.kind).toBe('maintenance');
    expect(m.status).toBe('in_progress');
    expect(m.updates[0]?.body).toMatch(/^Scheduled maintenance is currently in progress/);
    expect(feed.components.some((c) => c.status === 'under_maintenance')).toBe(true);
  });

  it('monitoring critical incident keeps monitoringAt and has no resolvedAt', () => {
    const { feed } = parse('statuspage-embed-nyu-summary-critical-monitoring.json');
    const inc = only(feed, 'sk82ymspr1fd');
    expect(inc.status).toBe('monitoring');
    expect(inc.monitoringAt).toEqual(expect.any(Number));
    expect(inc.resolvedAt).toBeUndefined();
    expect(inc.updates.map((u) => u.status)).toEqual(['monitoring', 'identified', 'investigating']);
  });

  it('grouped components (HashiCorp) carry isGroup, children and groupId', () => {
    const { feed } = parse('terraform-provider-hcp-hashicorp-components-grouped.json');
    expect(feed.components).toHaveLength(54);
    const groups = feed.components.filter((c) => c.isGroup);
    expect(groups).toHaveLength(6);
    const hcp = feed.components.find((c) => c.id === 'ym75hzpmfq4q');
    expect(hcp?.children).toEqual(['mgv1p2j9x444', 'b4pr9x7288zy', 'c32yfw32879v']);
    const ids = new Set(feed.components.map((c) => c.id));
    for (const c of feed.components) {
      if (c.groupId !== null) {
        expect(ids.has(c.groupId)).toBe(true);
        expect(feed.components.find((g) => g.id === c.groupId)?.children).toContain(c.id);
      }
    }
  });

  it('Cloudflare incidents keep component refs whose status did not change', () => {
    const { feed } = parse('cloudflared-cloudflare-incidents.json');
    const inc = only(feed, 'q746ybtyb6q0');
    expect(inc.severity).toBe(3);
    expect(inc.resolvedAt).toBe(Date.parse('2018-09-18T07:45:41.290Z'));
    const ref = inc.updates.at(-1)?.affectedComponents[0];
    expect(ref).toMatchObject({ id: 'g4tb35rs9yw7', oldStatus: 'operational' });
    expect(ref?.oldStatus).toBe(ref?.newStatus);
  });

  it('status.json gives the indicator and nothing else', () => {
    const { feed } = parse('pythonparadigm-github-status.json');
    expect(feed.indicator).toBe('none');
    expect(feed.description).toBe('All Systems Operational');
    expect(feed.incidents).toEqual([]);
  });

  it('incidents are newest first', () => {
    for (const name of FILES) {
      const { feed } = parse(name);
      for (const list of [feed.incidents, feed.maintenances]) {
        for (let i = 1; i < list.length; i++) {
          expect(list[i - 1]!.createdAt).toBeGreaterThanOrEqual(list[i]!.createdAt);
        }
      }
    }
  });
});
