// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import type { TimelineEventType } from '../../../core/types';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { setMessageSource } from '../../i18n/translate';
import { useCatalogue } from '../../background/i18n.test-kit';
import { ObligationsPanel } from './obligations-panel';

vi.mock('../../messaging/channel', () => ({ send: vi.fn() }));

const MIN = 60_000;
const T0 = Date.now() - 30 * MIN;
const at = (m: number) => T0 + m * MIN;
let seq = 0;
const ev = (type: TimelineEventType, m: number, extra: Partial<EventRecord> = {}): EventRecord => ({
  id: `e${++seq}`,
  incidentId: 'inc-1',
  type,
  at: at(m),
  ...extra,
});
const incident = { id: 'inc-1', publiclyVisible: true, commonlyUsed: true } as IncidentRecord;
// SEV-2 at 0, a post at 2 promising the next update at 12, downgraded to SEV-3 at 25: the promise
// (overdue since 12) and SEV-2's overdue on-call engagement are still owed under SEV-3.
const events = [
  ev('classified', 0, { severity: 2 }),
  ev('status_page_posted', 2, { nextUpdateAt: at(12) }),
  ev('reclassified', 25, { severity: 3 }),
];

let host: HTMLElement;
const rowOf = (rule: string) => host.querySelector(`li[data-rule="${rule}"]`)!;
const show = (lang: 'en' | 'de') => {
  useCatalogue(lang);
  act(() =>
    render(
      <ObligationsPanel
        incident={incident}
        events={events}
        policy={DEFAULT_POLICY}
        onChanged={() => undefined}
      />,
      host,
    ),
  );
};

beforeEach(() => {
  host = document.createElement('div');
});
afterEach(() => {
  render(null, host);
  setMessageSource((key) => key);
});

describe('rows a severity change leaves behind speak the UI language', () => {
  it('German: the promised update and a duty carried from SEV-2', () => {
    show('de');
    const promised = rowOf('promised_update');
    expect(promised.querySelector('strong')!.textContent).toBe(
      'Nächstes Statusseiten-Update, wie den Kunden zugesagt',
    );
    expect(promised.getAttribute('data-state')).toBe('overdue');
    const carried = rowOf('engage_on_call');
    expect(carried.querySelector('.muted.meta')!.textContent).toBe(
      'Bei der Änderung des Schweregrads unter SEV-2 überfällig; weiterhin offen.',
    );
    expect(host.textContent).not.toMatch(/as promised|when the severity changed/);
  });

  it('English keeps the same facts', () => {
    show('en');
    expect(rowOf('promised_update').querySelector('strong')!.textContent).toBe(
      'Next status page update, as promised to customers',
    );
    expect(rowOf('engage_on_call').querySelector('.muted.meta')!.textContent).toBe(
      'Overdue under SEV-2 when the severity changed; still owed.',
    );
  });
});
