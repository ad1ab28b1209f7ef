/** Lints of every message id, from real core calls, for tests of their wording (not in the barrel). */
import { lintMessage } from './comms/lint';
import { lintPublicTitle } from './comms/title';
import { lintActionItem, lintReview } from './review/lint';
import { item, review } from './review/fixtures.test-kit';
import type { Lint } from './types';

const NOW = Date.UTC(2025, 2, 15, 14, 0);
const MIN = 60_000;

/** At least one lint of each id in `LINT_MESSAGE_IDS`, with small numbers (formatted alike in en/de). */
export function sampleLints(): Lint[] {
  const ctx = { kind: 'update' as const, now: NOW, cadenceMinutes: 30 };
  return [
    ...lintMessage('', ctx),
    ...lintMessage('', { ...ctx, kind: 'initial' }),
    ...lintMessage('', { ...ctx, kind: 'resolution' }),
    ...lintMessage('Next update soon.', { ...ctx, kind: 'initial' }),
    ...lintMessage('Resolved.', { ...ctx, kind: 'resolution', postmortemRequired: true }),
    ...lintMessage('Resolved. Post-mortem to follow.', {
      ...ctx,
      kind: 'resolution',
      postmortemRequired: false,
    }),
    ...lintMessage('', { ...ctx, kind: 'banner', nextUpdateAt: NOW - MIN }),
    ...lintMessage('', { ...ctx, kind: 'banner', nextUpdateAt: NOW + 45 * MIN }),
    ...lintMessage('Next update in 45 minutes.', { ...ctx, kind: 'banner' }),
    ...lintMessage('It will be fixed by 3pm.', { ...ctx, kind: 'banner' }),
    ...lintMessage(
      'Human error. We should have known. A careless step, at fault, a mistake by ops. ' +
        'An engineer forgot. Mehmet broke it.',
      { ...ctx, kind: 'banner' },
    ),
    ...lintPublicTitle(''),
    ...lintPublicTitle(`SEV-1 ${'checkout '.repeat(10)}`, {
      internalTitle: `SEV-1 ${'checkout '.repeat(10)}`,
    }),
    ...lintActionItem(item({ id: 'a', description: '', owner: '', dueAt: undefined }), NOW),
    ...lintActionItem(item({ id: 'b', description: 'Improve monitoring', dueAt: NOW - MIN }), NOW),
    ...[
      review({ timeline: [{ id: 't', at: 1, text: 'Declared' }] }),
      review({
        timeline: [
          { id: 't1', at: 1, text: 'Declared' },
          { id: 't2', at: 2, text: 'Classified' },
        ],
        whys: ['a', 'b', 'c', 'd', 'e', 'Mehmet ran the wrong script.'],
        rootCause: '',
        actionItems: [],
      }),
      review({ rootCauseForm: 'factors', factors: [] }),
      review({
        rootCauseForm: 'factors',
        factors: [{ id: 'f', description: 'Alerts fired late.', evidence: '', actionItemIds: [] }],
      }),
    ].flatMap((r) => lintReview(r, NOW).map((x) => x.lint)),
  ];
}
