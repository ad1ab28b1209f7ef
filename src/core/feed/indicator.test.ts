import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedIncident } from '../types';
import { effectiveIndicator, emptyFeed, parseFeed } from './index';

const DIR = new URL('../../../tests/fixtures/statuspage/', import.meta.url);
const feedOf = (name: string): Feed => parseFeed(readFileSync(new URL(name, DIR), 'utf8')).feed;

const open = (extra: Partial<FeedIncident>): FeedIncident => ({
  id: 'x',
  kind: 'incident',
  name: 'x',
  status: 'investigating',
  impact: 'minor',
  severity: 3,
  createdAt: 0,
  updatedAt: 0,
  components: [],
  updates: [],
  ...extra,
});

describe('effectiveIndicator is truthful on real feeds', () => {
  it.each([
    ['statuspage-embed-nyu-summary-critical-investigating.json', 'critical'], // page says none
    ['statuspage-embed-nyu-summary-critical-monitoring.json', 'critical'], // page says none
    ['statuspage-embed-nyu-summary-major-identified.json', 'major'], // page says none
    ['statuspage-exporter-github-summary-investigating.json', 'major'], // page says minor
    ['statuspage-embed-nyu-summary-maintenance-in-progress.json', 'maintenance'],
    ['renku-ui-summary-outage.json', 'critical'], // page says major, incident critical
    ['renku-ui-summary-operational.json', 'none'],
    ['renku-ui-summary-scheduled-maintenance.json', 'none'], // scheduled, not started
    ['pythonparadigm-github-status.json', 'none'],
    ['ManagerDashboard-emma-incidents.json', 'none'], // all resolved
    ['terraform-provider-hcp-hashicorp-components-grouped.json', 'minor'], // degraded components
  ])('%s → %s', (name, expected) => {
    expect(effectiveIndicator(feedOf(name))).toBe(expected);
  });

  it('filters narrow it to the named components and their incidents', () => {
    const gh = feedOf('statuspage-exporter-github-summary-investigating.json');
    expect(effectiveIndicator(gh, ['Packages'])).toBe('major');
    expect(effectiveIndicator(gh, ['Pages'])).toBe('major'); // the incident names Pages too
    // Page indicator "minor" is ignored with a filter; nothing touches Git Operations.
    expect(effectiveIndicator(gh, ['Git Operations'])).toBe('none');
    expect(effectiveIndicator(gh, [' '])).toBe('major'); // blank filter = no filter
  });

  it('a filter on a group reads its children; a child ignores its siblings', () => {
    const hcp = feedOf('terraform-provider-hcp-hashicorp-components-grouped.json');
    // HCP group is under_maintenance itself; its children are degraded.
    expect(effectiveIndicator(hcp, ['HashiCorp Cloud Platform (HCP)'])).toBe('minor');
    expect(effectiveIndicator(hcp, ['Atlassian Bitbucket SSH'])).toBe('maintenance');
  });

  it('is unknown only when nothing is known', () => {
    expect(effectiveIndicator(emptyFeed())).toBe('unknown');
    expect(effectiveIndicator(emptyFeed(), ['API'])).toBe('unknown');
    const onlyResolved = { ...emptyFeed(), incidents: [open({ status: 'resolved' })] };
    expect(effectiveIndicator(onlyResolved)).toBe('none');
  });

  it('ranks critical > major > minor > maintenance > none', () => {
    const feed: Feed = {
      ...emptyFeed(),
      indicator: 'none',
      maintenances: [open({ kind: 'maintenance', status: 'in_progress', impact: 'maintenance' })],
    };
    expect(effectiveIndicator(feed)).toBe('maintenance');
    feed.incidents = [open({ impact: 'minor' })];
    expect(effectiveIndicator(feed)).toBe('minor');
    feed.components = [
      { id: 'c', name: 'C', status: 'partial_outage', groupId: null, isGroup: false, children: [] },
    ];
    // Statuspage's roll-up: a partial outage reads as minor, a major outage as major.
    expect(effectiveIndicator(feed)).toBe('minor');
    feed.components[0]!.status = 'major_outage';
    expect(effectiveIndicator(feed)).toBe('major');
    feed.incidents = [open({ impact: 'critical' })];
    expect(effectiveIndicator(feed)).toBe('critical');
  });

  it('an open incident with an unreadable impact is not "operational"', () => {
    const feed = {
      ...emptyFeed(),
      indicator: 'none' as const,
      incidents: [open({ impact: 'unknown' })],
    };
    expect(effectiveIndicator(feed)).toBe('minor');
  });
});
