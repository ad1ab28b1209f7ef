import { describe, expect, it } from 'vitest';
import { item, review } from './fixtures.test-kit';
import { lintReview } from './lint';
import { publishBlockers } from './publish';

const NOW = Date.UTC(2025, 2, 17);
const factorsReview = (
  factors = [
    {
      id: 'f1',
      description: 'Routing configuration changes had no review step.',
      evidence: 'The change log shows the route edit went straight to production.',
      actionItemIds: ['a1'],
    },
  ],
) => review({ rootCauseForm: 'factors', rootCause: '', whys: [], factors });

describe('contributing factors', () => {
  it('a described factor is the root cause: the review can be published', () => {
    expect(publishBlockers(factorsReview(), NOW)).toEqual([]);
    const paths = lintReview(factorsReview(), NOW).map((l) => `${l.path}:${l.lint.messageId}`);
    expect(paths).not.toContain('rootCause:missing_root_cause');
  });

  it('no factor at all blocks publishing', () => {
    expect(publishBlockers(factorsReview([]), NOW).map((b) => b.code)).toEqual(['root_cause']);
  });

  it('the blameless lint reads factors and their evidence', () => {
    const lints = lintReview(
      factorsReview([
        {
          id: 'f1',
          description: 'Human error during the deploy.',
          evidence: 'Mehmet broke the route.',
          actionItemIds: ['a1'],
        },
      ]),
      NOW,
    );
    const paths = lints.map((l) => `${l.path}:${l.lint.code}`);
    expect(paths).toContain('factors[0].description:blaming_language');
    expect(paths).toContain('factors[0].evidence:blaming_language');
  });

  it('a factor without evidence or without an action item is flagged', () => {
    const lints = lintReview(
      factorsReview([
        { id: 'f1', description: 'Alerts fired late.', evidence: ' ', actionItemIds: ['gone'] },
      ]),
      NOW,
    );
    const ids = lints.filter((l) => l.path === 'factors[0]').map((l) => l.lint.messageId);
    expect(ids).toEqual(['factor_missing_evidence', 'factor_missing_action']);
  });

  it('the five-whys form ignores stored factors (the form is chosen per review)', () => {
    const r = review({ factors: factorsReview().factors, rootCauseForm: 'whys', rootCause: '' });
    expect(publishBlockers(r, NOW).map((b) => b.code)).toEqual(['root_cause']);
  });
});

describe('publishBlockers: vague action items', () => {
  it('a vague item cannot be published', () => {
    const r = review({ actionItems: [item({ id: 'a1', description: 'Improve monitoring' })] });
    const blockers = publishBlockers(r, NOW);
    expect(blockers.map((b) => [b.code, b.path])).toEqual([['vague_item', 'actionItems[0]']]);
    expect(blockers[0]?.message).toContain('Improve monitoring');
  });

  it('rewritten, it can', () => {
    const r = review({
      actionItems: [
        item({ id: 'a1', description: 'Alert when checkout errors exceed 2% for 5 minutes' }),
      ],
    });
    expect(publishBlockers(r, NOW)).toEqual([]);
  });

  it('marked as a follow-up to define, with an owner and a date, it can', () => {
    const r = review({
      actionItems: [item({ id: 'a1', description: 'Improve monitoring', toDefine: true })],
    });
    expect(publishBlockers(r, NOW)).toEqual([]);
  });

  it('a follow-up to define still needs its owner and date', () => {
    const r = review({
      actionItems: [
        item({ id: 'a1', description: 'Improve monitoring', toDefine: true, owner: '' }),
      ],
    });
    expect(publishBlockers(r, NOW).map((b) => b.code)).toEqual(['incomplete_item']);
  });

  it('the vague lint is an error until the item is marked to define', () => {
    const level = (toDefine: boolean) =>
      lintReview(
        review({ actionItems: [item({ id: 'a1', description: 'Improve monitoring', toDefine })] }),
        NOW,
      )
        .filter((l) => l.lint.code === 'vague_action')
        .map((l) => l.lint.level);
    expect(level(false)).toEqual(['error']);
    expect(level(true)).toEqual(['warning']);
  });

  it('names the other gaps: no action items', () => {
    expect(publishBlockers(review({ actionItems: [] }), NOW).map((b) => b.code)).toEqual([
      'no_items',
    ]);
  });
});
