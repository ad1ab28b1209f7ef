import { describe, expect, it } from 'vitest';
import { actionItemDashboard } from './actions';
import { at, item, review } from './fixtures.test-kit';
import { openItemsChecklist, openItemsCsv } from './items-export';

const now = at(2025, 3, 20);
const rows = actionItemDashboard(
  [
    review({
      actionItems: [
        item({ id: 'a1', dueAt: at(2025, 3, 15, 23, 59) }),
        item({
          id: 'a2',
          description: 'Improve monitoring',
          toDefine: true,
          owner: 'Ana',
          dueAt: at(2025, 3, 31, 23, 59),
        }),
        item({ id: 'a3', status: 'done', doneAt: at(2025, 3, 1), description: 'Done already' }),
      ],
    }),
    review({
      id: 'r2',
      title: '=cmd|"/c calc"!A1',
      actionItems: [
        item({ id: 'b1', description: 'Page on <script> errors, "quoted"', dueAt: undefined }),
      ],
    }),
  ],
  now,
);

describe('open action items export', () => {
  it('CSV: open items only, with owner, due date in the zone, state and review', () => {
    expect(openItemsCsv(rows, 'UTC')).toBe(
      [
        'action,owner,due,state,review',
        'Add a review step for deployment configuration changes to the runbook,Mehmet,2025-03-15,overdue,Checkout errors on 15 March',
        'Improve monitoring,Ana,2025-03-31,to define,Checkout errors on 15 March',
        `"Page on <script> errors, ""quoted""",Mehmet,,open,"'=cmd|""/c calc""!A1"`,
        '',
      ].join('\r\n'),
    );
  });

  it('Markdown checklist, for pasting into an issue tracker', () => {
    expect(openItemsChecklist(rows, 'UTC')).toBe(
      [
        '- [ ] Add a review step for deployment configuration changes to the runbook (owner: Mehmet, due 2025-03-15, overdue; review: Checkout errors on 15 March)',
        '- [ ] To define: Improve monitoring (owner: Ana, due 2025-03-31; review: Checkout errors on 15 March)',
        '- [ ] Page on \\<script\\> errors, "quoted" (owner: Mehmet, no due date; review: =cmd|"/c calc"!A1)',
        '',
      ].join('\n'),
    );
  });
});
