import { describe, expect, it } from 'vitest';
import { reviewToMarkdown } from './export';
import { item, review } from './fixtures.test-kit';

const opts = { locale: 'en-GB', timeZone: 'UTC' };
const section = (md: string, heading: string) => {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return null;
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end).trim();
};

describe('exports: contributing factors', () => {
  const r = review({
    rootCauseForm: 'factors',
    factors: [
      {
        id: 'f1',
        description: 'Routing changes had no review step.',
        evidence: 'The change log shows the edit went straight to production.',
        actionItemIds: ['a1', 'a2'],
      },
      {
        id: 'f2',
        description: 'The error alert fired after 20 minutes.',
        evidence: '',
        actionItemIds: [],
      },
    ],
    actionItems: [
      item({ id: 'a1' }),
      item({ id: 'a2', description: 'Alert when gateway errors exceed 2% for 5 minutes' }),
    ],
  });

  it('replace the five whys and the root cause, each with its evidence and its action items', () => {
    const md = reviewToMarkdown(r, opts);
    expect(section(md, 'Five whys')).toBeNull();
    expect(section(md, 'Root cause')).toBeNull();
    expect(section(md, 'Contributing factors')).toBe(
      [
        '## Contributing factors',
        '',
        '1. Routing changes had no review step. _(evidence: The change log shows the edit went straight to production.; action items: Add a review step for deployment configuration changes to the runbook; Alert when gateway errors exceed 2% for 5 minutes)_',
        '2. The error alert fired after 20 minutes. _(evidence: none recorded; action items: none)_',
      ].join('\n'),
    );
  });
});

describe('exports: communication', () => {
  it('carries the compliance summary and the support impact when given', () => {
    const md = reviewToMarkdown(review(), {
      ...opts,
      communication: {
        summary: [
          { kind: 'duty', channel: 'status_page', outcome: 'late', atMinutes: 16, dueMinutes: 15 },
          { kind: 'updates', onTime: 5, owed: 6, longestGapMinutes: 47 },
        ],
        support: {
          ticketsMatched: 3,
          repliesCopied: 2,
          repliesInserted: 1,
          firstTicketAt: 0,
          firstTicketVsDeclaredMs: -8 * 60_000,
          customersFirst: true,
        },
      },
    });
    expect(section(md, 'Communication')).toBe(
      [
        '## Communication',
        '',
        'status page first posted at 16 min (due 15), updates 5/6 on time',
        '',
        '- Tickets matched to the incident: 3',
        '- Customer replies copied: 2, inserted: 1',
        '- First ticket: 8 min before the declaration (customers noticed first: a detection finding)',
      ].join('\n'),
    );
    // Right after the impact.
    expect(md.indexOf('## Communication')).toBeGreaterThan(md.indexOf('## Impact'));
    expect(md.indexOf('## Communication')).toBeLessThan(md.indexOf('## Five whys'));
  });

  it('is left out when not given, so older exports keep their bytes', () => {
    expect(section(reviewToMarkdown(review(), opts), 'Communication')).toBeNull();
  });
});
