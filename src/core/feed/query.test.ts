import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedIncident } from '../types';
import {
  activeIncidents,
  componentStatus,
  emptyFeed,
  impactToSeverity,
  isActive,
  latestUpdate,
  matchesComponents,
  parseComponentList,
  parseFeed,
  relevantMaintenances,
  severityLabel,
} from './index';

const DIR = new URL('../../../tests/fixtures/statuspage/', import.meta.url);
const feedOf = (name: string): Feed => parseFeed(readFileSync(new URL(name, DIR), 'utf8')).feed;
const H = 3_600_000;
const NOW = Date.parse('2024-05-01T12:00:00Z');

function item(extra: Partial<FeedIncident> = {}): FeedIncident {
  return {
    id: 'i',
    kind: 'incident',
    name: 'Incident',
    status: 'investigating',
    impact: 'major',
    severity: 2,
    createdAt: NOW - H,
    updatedAt: NOW - H,
    components: [],
    updates: [],
    ...extra,
  };
}
const maint = (extra: Partial<FeedIncident>): FeedIncident =>
  item({
    kind: 'maintenance',
    impact: 'maintenance',
    severity: null,
    status: 'scheduled',
    ...extra,
  });
const withMaintenances = (...maintenances: FeedIncident[]): Feed => ({
  ...emptyFeed(),
  maintenances,
});

describe('severity helpers', () => {
  it('maps impact to severity and labels it', () => {
    expect(impactToSeverity('critical')).toBe(1);
    expect(impactToSeverity('major')).toBe(2);
    expect(impactToSeverity('minor')).toBe(3);
    expect(impactToSeverity('none')).toBe(4);
    expect(impactToSeverity('maintenance')).toBeNull();
    expect(impactToSeverity('unknown')).toBeNull();
    expect(severityLabel(1)).toBe('SEV-1');
    expect(severityLabel(4)).toBe('SEV-4');
  });
});

describe('isActive / activeIncidents', () => {
  it('incidents are active until resolved or in post-mortem', () => {
    for (const s of ['investigating', 'identified', 'monitoring'] as const) {
      expect(isActive(item({ status: s }))).toBe(true);
    }
    expect(isActive(item({ status: 'resolved' }))).toBe(false);
    expect(isActive(item({ status: 'postmortem' }))).toBe(false);
    expect(isActive(item({ status: 'unknown' }))).toBe(true);
    expect(isActive(item({ status: 'unknown', resolvedAt: NOW }))).toBe(false);
  });

  it('maintenances are active only in progress or verifying', () => {
    expect(isActive(maint({ status: 'in_progress' }))).toBe(true);
    expect(isActive(maint({ status: 'verifying' }))).toBe(true);
    expect(isActive(maint({ status: 'scheduled' }))).toBe(false);
    expect(isActive(maint({ status: 'completed' }))).toBe(false);
  });

  it('sorts most severe first, then most recently updated', () => {
    const feed: Feed = {
      ...emptyFeed(),
      incidents: [
        item({ id: 'minor-new', impact: 'minor', severity: 3, updatedAt: NOW }),
        item({ id: 'major-old', updatedAt: NOW - 2 * H }),
        item({ id: 'unknown', impact: 'unknown', severity: null, updatedAt: NOW }),
        item({ id: 'major-new', updatedAt: NOW - H }),
        item({ id: 'critical-done', impact: 'critical', severity: 1, status: 'resolved' }),
      ],
    };
    expect(activeIncidents(feed).map((i) => i.id)).toEqual([
      'major-new',
      'major-old',
      'minor-new',
      'unknown',
    ]);
  });

  it('finds the open incident in a real summary and none in a resolved history', () => {
    expect(
      activeIncidents(feedOf('statuspage-embed-nyu-summary-critical-monitoring.json')),
    ).toHaveLength(1);
    expect(activeIncidents(feedOf('ManagerDashboard-emma-incidents.json'))).toEqual([]);
  });
});

describe('latestUpdate', () => {
  it('picks the newest by displayAt, then createdAt, in any order', () => {
    const u = (id: string, displayAt: number, createdAt = displayAt) => ({
      id,
      status: 'investigating' as const,
      body: '',
      displayAt,
      createdAt,
      affectedComponents: [],
    });
    const i = item({ updates: [u('a', 1), u('c', 3, 3), u('b', 3, 2)] });
    expect(latestUpdate(i)?.id).toBe('c');
    expect(latestUpdate(item())).toBeUndefined();
  });

  it('agrees with the parsed order on a real feed', () => {
    const inc = feedOf('statuspage-exporter-github-summary-investigating.json').incidents[0]!;
    expect(latestUpdate(inc)).toBe(inc.updates[0]);
  });
});

describe('relevantMaintenances window', () => {
  const at = (h: number) => NOW + h * H;

  it('includes in-progress and verifying regardless of the window', () => {
    const feed = withMaintenances(
      maint({ id: 'p', status: 'in_progress', scheduledFor: at(-100), scheduledUntil: at(-50) }),
      maint({ id: 'v', status: 'verifying' }),
      maint({ id: 'c', status: 'completed', scheduledFor: at(-2), scheduledUntil: at(1) }),
    );
    expect(relevantMaintenances(feed, NOW).map((m) => m.id)).toEqual(['p', 'v']);
  });

  it('includes a scheduled start exactly at the window edge, not one ms later', () => {
    const feed = withMaintenances(
      maint({ id: 'edge', scheduledFor: at(24) }),
      maint({ id: 'late', scheduledFor: at(24) + 1 }),
      maint({ id: 'soon', scheduledFor: at(1) }),
    );
    expect(relevantMaintenances(feed, NOW).map((m) => m.id)).toEqual(['soon', 'edge']);
    expect(relevantMaintenances(feed, NOW, 1).map((m) => m.id)).toEqual(['soon']);
    expect(relevantMaintenances(feed, NOW, 48).map((m) => m.id)).toEqual(['soon', 'edge', 'late']);
  });

  it('keeps a scheduled one whose start passed until its end; an end at now has ended', () => {
    const feed = withMaintenances(
      maint({ id: 'running-late', scheduledFor: at(-1), scheduledUntil: at(1) }),
      maint({ id: 'ended-now', scheduledFor: at(-2), scheduledUntil: NOW }),
      maint({ id: 'ended', scheduledFor: at(-3), scheduledUntil: at(-1) }),
      maint({ id: 'no-end', scheduledFor: at(-1) }),
      maint({ id: 'no-start' }),
    );
    expect(relevantMaintenances(feed, NOW).map((m) => m.id)).toEqual(['running-late', 'no-end']);
  });

  it('works on the real scheduled-maintenance fixture', () => {
    const feed = feedOf('renku-ui-summary-scheduled-maintenance.json');
    const start = Date.parse('2021-11-01T08:30:00.000Z');
    expect(relevantMaintenances(feed, start - 25 * H)).toEqual([]);
    expect(relevantMaintenances(feed, start - 24 * H)).toHaveLength(1);
    expect(relevantMaintenances(feed, start + H)).toHaveLength(1);
    expect(relevantMaintenances(feed, start + 2 * H)).toEqual([]); // scheduled_until reached
  });
});

describe('parseComponentList', () => {
  it('splits on commas, trims, drops empties and keeps spaces inside names', () => {
    expect(parseComponentList('Checkout, Payments API')).toEqual(['Checkout', 'Payments API']);
    expect(parseComponentList(' a ,, ,b,a ')).toEqual(['a', 'b']);
    expect(parseComponentList('')).toEqual([]);
    expect(parseComponentList(null)).toEqual([]);
    expect(parseComponentList(undefined)).toEqual([]);
  });
});

describe('matchesComponents', () => {
  const gh = feedOf('statuspage-exporter-github-summary-investigating.json');
  const inc = gh.incidents[0]!;

  it('empty filters match everything', () => {
    expect(matchesComponents(inc, [])).toBe(true);
    expect(matchesComponents(inc, ['', '  '])).toBe(true);
  });

  it('matches by name (case-insensitive, trimmed) or id', () => {
    expect(matchesComponents(inc, ['  packages '])).toBe(true);
    expect(matchesComponents(inc, ['st3j38cctv9l'])).toBe(true);
    expect(matchesComponents(inc, ['Git Operations'])).toBe(false);
    expect(matchesComponents(inc, ['Git Operations', 'PAGES'])).toBe(true);
  });

  it('matches names with spaces from a components attribute', () => {
    const i = item({ components: [{ id: 'p1', name: 'Payments API' }] });
    expect(matchesComponents(i, parseComponentList('Checkout, Payments API'))).toBe(true);
    expect(matchesComponents(i, parseComponentList('Checkout, Payments'))).toBe(false);
  });

  it('matches components named only in an update (incident-level list empty)', () => {
    const i = item({
      updates: [
        {
          id: 'u',
          status: 'investigating',
          body: '',
          createdAt: NOW,
          displayAt: NOW,
          affectedComponents: [{ id: 'g4tb35rs9yw7', name: 'Cloudflare APIs' }],
        },
      ],
    });
    expect(matchesComponents(i, ['cloudflare apis'])).toBe(true);
    expect(matchesComponents(i, ['G4TB35RS9YW7'])).toBe(true);
    expect(matchesComponents(i, ['Analytics'])).toBe(false);
  });

  it('a filter naming a group matches incidents on its children (HashiCorp groups)', () => {
    const feed = feedOf('terraform-provider-hcp-hashicorp-components-grouped.json');
    const onVault = item({ components: [{ id: 'c32yfw32879v', name: 'Vault' }] });
    expect(matchesComponents(onVault, ['HashiCorp Cloud Platform (HCP)'], feed)).toBe(true);
    expect(matchesComponents(onVault, ['ym75hzpmfq4q'], feed)).toBe(true);
    expect(matchesComponents(onVault, ['Terraform Cloud'], feed)).toBe(false);
    // Without the feed the group cannot be resolved.
    expect(matchesComponents(onVault, ['HashiCorp Cloud Platform (HCP)'])).toBe(false);
  });

  it('a filter naming a child matches an incident filed on its whole group, not a sibling', () => {
    const feed = feedOf('terraform-provider-hcp-hashicorp-components-grouped.json');
    const onGroup = item({
      components: [{ id: 'ym75hzpmfq4q', name: 'HashiCorp Cloud Platform (HCP)' }],
    });
    const onConsul = item({ components: [{ id: 'b4pr9x7288zy', name: 'Consul' }] });
    expect(matchesComponents(onGroup, ['Vault'], feed)).toBe(true);
    expect(matchesComponents(onConsul, ['Vault'], feed)).toBe(false);
  });

  it('an incident with no components matches no filter', () => {
    expect(matchesComponents(item(), ['API'])).toBe(false);
  });
});

describe('componentStatus', () => {
  const gh = feedOf('statuspage-exporter-github-summary-investigating.json');
  it('finds by id or by name, case-insensitively', () => {
    expect(componentStatus(gh, 'st3j38cctv9l')).toBe('partial_outage');
    expect(componentStatus(gh, ' packages ')).toBe('partial_outage');
    expect(componentStatus(gh, 'Git Operations')).toBe('operational');
    expect(componentStatus(gh, 'Nope')).toBeUndefined();
  });
});
