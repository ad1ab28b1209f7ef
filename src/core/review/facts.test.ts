import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../types';
import { reviewToMarkdown } from './export';
import { incidentFacts, peakSeverity } from './facts';
import { review } from './fixtures.test-kit';
import { createReview } from './timeline';

const t = (h: number, m: number) => Date.UTC(2025, 2, 15, h, m);
const ev = (id: string, type: TimelineEvent['type'], at: number, severity?: 1 | 2 | 3 | 4) => ({
  id,
  type,
  at,
  ...(severity ? { severity } : {}),
});
// Impact began at 13:40; noticed and declared at 14:00; SEV-2, raised to SEV-1, lowered to SEV-3; resolved 15:25.
const STARTED = t(13, 40);
const events: TimelineEvent[] = [
  ev('e1', 'declared', t(14, 0)),
  ev('e2', 'classified', t(14, 5), 2),
  ev('e3', 'reclassified', t(14, 20), 1),
  ev('e4', 'reclassified', t(15, 0), 3),
  ev('e5', 'resolved', t(15, 25)),
];

describe('incident facts for the review', () => {
  it('peak severity is the most severe classification, whatever came after', () => {
    expect(peakSeverity(events)).toBe(1);
    expect(peakSeverity([ev('d', 'declared', 0)])).toBeNull();
  });

  it('measures from the start of impact, not from the declaration', () => {
    expect(incidentFacts(events, STARTED)).toEqual({
      startedAt: STARTED,
      durationMinutes: 105,
      timeToDetectMinutes: 20,
      timeToResolveMinutes: 85,
      peakSeverity: 1,
    });
    // without a recorded start, the declaration is the start
    expect(incidentFacts(events)).toMatchObject({
      startedAt: t(14, 0),
      durationMinutes: 85,
      timeToDetectMinutes: 0,
    });
  });

  it('a new review carries the start, the peak severity, the measured times and the Statuspage link', () => {
    const r = createReview({
      id: 'r1',
      incidentId: 'i1',
      title: 'Checkout errors',
      events,
      now: t(16, 0),
      startedAt: STARTED,
      statuspageUrl: 'https://stspg.io/abc',
    });
    expect(r).toMatchObject({
      startedAt: STARTED,
      peakSeverity: 1,
      statuspageUrl: 'https://stspg.io/abc',
      impact: { durationMinutes: 105, timeToDetectMinutes: 20, timeToResolveMinutes: 85 },
    });
    const http = createReview({
      id: 'r2',
      incidentId: 'i1',
      title: 'T',
      events,
      now: t(16, 0),
      statuspageUrl: 'http://stspg.io/abc',
    });
    expect(http.statuspageUrl).toBeUndefined();
  });

  it('the export shows the facts, the link, what went well and what to improve, and ARR with its currency', () => {
    const md = reviewToMarkdown(
      review({
        startedAt: STARTED,
        peakSeverity: 1,
        statuspageUrl: 'https://stspg.io/abc',
        wentWell: 'The rollback took four minutes.',
        toImprove: 'Alerting fired 20 minutes after impact began.',
        impact: {
          customersAffected: 1200,
          durationMinutes: 105,
          timeToDetectMinutes: 20,
          timeToResolveMinutes: 85,
          arrAtRisk: 200_000,
          arrCurrency: 'EUR',
          accounts: [{ name: 'Acme', arr: 120_000 }],
        },
      }),
      { locale: 'en-GB', timeZone: 'UTC' },
    );
    expect(md).toContain('- **Started:** 15 Mar 2025, 13:40');
    expect(md).toContain('- **Peak severity:** SEV-1');
    expect(md).toContain('- **Statuspage:** https://stspg.io/abc');
    expect(md).toContain('- Duration (from the start): 1 h 45 min');
    expect(md).toContain('- Time to detect: 20 min');
    expect(md).toContain('- Time to resolve (from detection): 1 h 25 min');
    expect(md).toContain('- Estimated ARR at risk: €200,000');
    expect(md).toContain('- Account Acme: ARR €120,000');
    expect(md).toContain(
      '## What went well and what to improve\n\n- **Went well:** The rollback took four minutes.\n- **To improve:** Alerting fired 20 minutes after impact began.',
    );
  });

  it('an unknown currency code is shown beside the number, not dropped', () => {
    const md = reviewToMarkdown(
      review({ impact: { arrAtRisk: 5000, arrCurrency: 'ZZZ1', accounts: [] } }),
      { locale: 'en-GB', timeZone: 'UTC' },
    );
    expect(md).toContain('- Estimated ARR at risk: 5,000 ZZZ1');
  });

  it('a non-https Statuspage link is left out of the export', () => {
    const md = reviewToMarkdown(review({ statuspageUrl: 'javascript:alert(1)' }), {
      locale: 'en-GB',
      timeZone: 'UTC',
    });
    expect(md).not.toContain('Statuspage');
  });
});
