// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { useCatalogue } from '../../background/i18n.test-kit';
import { TIMELINE_PAGE, TimelinePanel } from './timeline-panel';

vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));

const T0 = Date.UTC(2025, 2, 15, 9, 0);
const incident = {
  id: 'i1',
  title: 'Login down',
  components: ['Login'],
  publiclyVisible: true,
  startedAt: T0,
  declaredAt: T0,
  status: 'open',
  severity: 2,
  updatedAt: T0,
} satisfies IncidentRecord;

/** Notes `from` to `to - 1`, one a second, in time order (a page as db/timeline.ts reads it). */
const notes = (from: number, to: number): EventRecord[] =>
  Array.from({ length: to - from }, (_, k) => ({
    id: `e${from + k}`,
    incidentId: 'i1',
    type: 'note' as const,
    at: T0 + (from + k) * 1_000,
    text: `note ${from + k}`,
  }));

describe('timeline of one incident with 100,000 events (issue 16, item 14)', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it('renders the page it is given and asks for older events a page at a time', () => {
    useCatalogue('en');
    const N = 100_000;
    let pages = 1;
    const show = () =>
      act(() =>
        render(
          <TimelinePanel
            incident={incident}
            events={notes(N - pages * TIMELINE_PAGE, N)}
            older={N - pages * TIMELINE_PAGE}
            onMore={() => void (pages += 1)}
            onChanged={() => undefined}
          />,
          host,
        ),
      );
    show();
    const items = () => [...host.querySelectorAll('ol.timeline > li')];
    expect(items()).toHaveLength(TIMELINE_PAGE);
    expect(items()[0]?.textContent).toContain(`note ${N - TIMELINE_PAGE}`);
    expect(items().at(-1)?.textContent).toContain('note 99999');
    expect(host.textContent).toContain(`${N - TIMELINE_PAGE} older events are not shown.`);
    act(() => host.querySelector<HTMLButtonElement>('button.secondary')!.click());
    expect(pages).toBe(2);
    show();
    expect(items()).toHaveLength(2 * TIMELINE_PAGE);
    expect(items()[0]?.textContent).toContain(`note ${N - 2 * TIMELINE_PAGE}`);
  });
});
