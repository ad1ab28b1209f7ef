// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { messagesSource, setMessageSource } from '../../i18n/translate';
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

/** `n` notes, one a second, handed over in reverse so the panel has to sort them. */
const notes = (n: number): EventRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    incidentId: 'i1',
    type: 'note' as const,
    at: T0 + i * 1_000,
    text: `note ${i}`,
  })).reverse();

describe('timeline of one incident with 100,000 events (issue 16, item 14)', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it('renders the newest page first, in time order, and older events a page at a time', () => {
    const en = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../../../../public/_locales/en/messages.json'),
        'utf8',
      ),
    ) as Record<string, { message: string }>;
    setMessageSource(messagesSource(en));
    act(() =>
      render(
        <TimelinePanel incident={incident} events={notes(100_000)} onChanged={() => undefined} />,
        host,
      ),
    );
    const items = () => [...host.querySelectorAll('ol.timeline > li')];
    // before: all 100,000 rows at once (23.7 s in the side panel)
    expect(items()).toHaveLength(TIMELINE_PAGE);
    expect(items()[0]?.textContent).toContain(`note ${100_000 - TIMELINE_PAGE}`);
    expect(items().at(-1)?.textContent).toContain('note 99999');
    expect(host.textContent).toContain(`${100_000 - TIMELINE_PAGE} older events are not shown.`);
    act(() => host.querySelector<HTMLButtonElement>('button.secondary')!.click());
    expect(items()).toHaveLength(2 * TIMELINE_PAGE);
    expect(items()[0]?.textContent).toContain(`note ${100_000 - 2 * TIMELINE_PAGE}`);
  });
});
