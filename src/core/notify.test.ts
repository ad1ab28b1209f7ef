import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, markBeforeWatch, wanted, type NotifyFilter } from './notify';
import { computeObligations } from './obligations';
import { DEFAULT_POLICY } from './policy';
import type { ObligationStatus, TimelineEvent } from './types';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 4, 12, 22, 22);

/** A SEV-1 feed incident classified at T0 with one public post at T0: its communication duties at `now`. */
function sev1(now: number): ObligationStatus[] {
  const events: TimelineEvent[] = [
    { id: 'c', type: 'classified', severity: 1, at: T0 },
    { id: 'p', type: 'status_page_posted', at: T0 },
  ];
  return computeObligations({ events, publiclyVisible: true }, DEFAULT_POLICY, now).filter(
    (o) => o.channel === 'status_page' || o.channel === 'customer_email',
  );
}

describe('markBeforeWatch: deadlines that passed before the incident was first seen', () => {
  it('marks the overdue duties of an incident 206 days old when its source was added', () => {
    const added = T0 + 206 * DAY;
    const before = sev1(added + MIN);
    expect(before.filter((o) => o.state === 'overdue').length).toBeGreaterThan(0);
    const after = markBeforeWatch(before, added, added, 5 * MIN, 5 * MIN);
    const overdue = after.filter((o) => o.state === 'overdue');
    expect(overdue.map((o) => o.beforeWatch)).toEqual(overdue.map(() => 'source_added'));
  });

  it('leaves a deadline still ahead, or missed by less than the grace, as it is', () => {
    const seen = T0 + 10 * MIN; // the status-page update cadence is not due yet; the email is
    const out = markBeforeWatch(sev1(seen), seen, seen, 5 * MIN, 30 * MIN);
    expect(out.filter((o) => o.beforeWatch)).toEqual([]);
  });

  it('says "first seen" when the incident appeared long after the source was added', () => {
    const seen = T0 + 3 * DAY;
    const out = markBeforeWatch(sev1(seen), seen, T0 - 30 * DAY, 5 * MIN, 5 * MIN);
    expect(out.some((o) => o.beforeWatch === 'first_seen')).toBe(true);
    expect(out.some((o) => o.beforeWatch === 'source_added')).toBe(false);
  });

  it('never marks a met duty', () => {
    const seen = T0 + 206 * DAY;
    const met = markBeforeWatch(sev1(seen), seen, seen, 5 * MIN, 5 * MIN).filter(
      (o) => o.state === 'met',
    );
    expect(met.every((o) => o.beforeWatch === undefined)).toBe(true);
  });
});

describe('wanted: the notification filters', () => {
  const f = (x: Partial<NotifyFilter>): NotifyFilter => ({ ...DEFAULT_FILTER, ...x });
  const acme = { id: 's1', url: 'https://status.acme.test/api/v2/summary.json' };

  it('lets everything through by default', () => {
    expect(wanted(DEFAULT_FILTER, { severity: null, channel: 'status_page', source: acme })).toBe(
      true,
    );
  });

  it('by severity: SEV-1..N; an unknown severity only with "every incident"', () => {
    const sev2 = f({ minSeverity: 2 });
    expect(wanted(sev2, { severity: 1 })).toBe(true);
    expect(wanted(sev2, { severity: 2 })).toBe(true);
    expect(wanted(sev2, { severity: 3 })).toBe(false);
    expect(wanted(sev2, { severity: null })).toBe(false);
    expect(wanted(f({ minSeverity: null }), { severity: null })).toBe(true);
    // a notice about no incident's severity (a reminder) is never filtered by it
    expect(wanted(sev2, {})).toBe(true);
  });

  it('by role: status-page deadlines are the comms team’s, the customer notification the agent’s', () => {
    const agent = f({ role: 'agent' });
    const comms = f({ role: 'comms' });
    expect(wanted(agent, { channel: 'status_page' })).toBe(false);
    expect(wanted(agent, { channel: 'customer_email' })).toBe(true);
    expect(wanted(comms, { channel: 'status_page' })).toBe(true);
    expect(wanted(comms, { channel: 'customer_email' })).toBe(false);
    // a new incident or update (no deadline) reaches every role
    expect(wanted(agent, { severity: 1 })).toBe(true);
    expect(wanted(comms, { severity: 1 })).toBe(true);
  });

  it('by source: muted by id or by feed URL', () => {
    expect(wanted(f({ mutedSources: ['s1'] }), { source: acme })).toBe(false);
    expect(wanted(f({ mutedSources: [acme.url] }), { source: acme })).toBe(false);
    expect(wanted(f({ mutedSources: ['s2'] }), { source: acme })).toBe(true);
  });
});
