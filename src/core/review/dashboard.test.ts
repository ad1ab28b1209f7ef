import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import type { Severity, TimelineEvent } from '../types';
import { reviewDashboard } from './dashboard';
import { at, item, review } from './fixtures.test-kit';

const MIN = 60_000;
const incident = (id: string, start: number, severity: Severity, page: number) => ({
  id,
  events: [
    { id: `${id}c`, type: 'classified', at: start, severity },
    { id: `${id}p`, type: 'status_page_posted', at: start + page * MIN },
    { id: `${id}r`, type: 'resolved', at: start + 60 * MIN },
  ] as TimelineEvent[],
});

describe('reviewDashboard', () => {
  const now = at(2025, 3, 20);
  const input = {
    incidents: [incident('i1', at(2025, 3, 2), 1, 10), incident('i2', at(2025, 3, 5), 3, 20)],
    reviews: [
      review({
        id: 'r1',
        incidentId: 'i1',
        actionItems: [item({ id: 'a', dueAt: at(2025, 3, 10) })],
      }),
      review({
        id: 'r2',
        incidentId: 'i2',
        actionItems: [
          item({ id: 'b', dueAt: at(2025, 3, 11), status: 'done', doneAt: at(2025, 3, 9) }),
        ],
      }),
    ],
    policy: DEFAULT_POLICY,
    now,
    months: 1,
    timeZone: 'UTC',
  };

  it('both reports over every incident and review given (one browser or a whole team)', () => {
    const d = reviewDashboard(input);
    expect(d.comms[0]?.channels.status_page).toEqual({ due: 2, onTime: 1, rate: 0.5 });
    expect(d.completion[0]).toMatchObject({ month: '2025-03', due: 2, doneOnTime: 1 });
    expect(d.rows.map((r) => r.item.id)).toEqual(['a', 'b']);
  });

  it('the severity filter applies to both: reviews follow their incident’s severity', () => {
    const d = reviewDashboard({ ...input, severities: [1] });
    expect(d.comms[0]?.channels.status_page).toEqual({ due: 1, onTime: 1, rate: 1 });
    expect(d.completion[0]).toMatchObject({ due: 1, doneOnTime: 0 });
    expect(d.rows.map((r) => r.item.id)).toEqual(['a']);
  });
});
