import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import type { Severity, TimelineEvent, TimelineEventType } from '../types';
import { completionRates } from './actions';
import { communicationCompliance } from './compliance';
import { dashboardCsv, monthlyCommsCompliance } from './comms-monthly';
import { csvCell } from './csv';
import { at, item } from './fixtures.test-kit';

const MIN = 60_000;
let seq = 0;
const ev = (type: TimelineEventType, t: number, extra: Partial<TimelineEvent> = {}) => ({
  id: `e${++seq}`,
  type,
  at: t,
  ...extra,
});

/** An incident classified at `start`: status page at +page min, customers at +email min. */
function incident(start: number, severity: Severity, page: number, email?: number) {
  const events = [
    ev('classified', start, { severity }),
    ev('status_page_posted', start + page * MIN),
    ev('update_posted', start + (page + 25) * MIN),
    ...(email === undefined ? [] : [ev('customers_notified', start + email * MIN)]),
    ev('resolved', start + (page + 40) * MIN),
  ];
  return communicationCompliance({ events }, DEFAULT_POLICY, start + 10 * 86_400_000);
}

describe('monthlyCommsCompliance', () => {
  const now = at(2025, 3, 20);
  const reports = [
    incident(at(2025, 2, 3), 2, 10, 50), // Feb: page on time, customers on time
    incident(at(2025, 2, 10), 2, 20), // Feb: page late, customers missed
    incident(at(2025, 3, 1), 1, 5, 20), // Mar, SEV-1: executives missed
  ];

  it('counts each channel per month of classification, with a rate', () => {
    const rows = monthlyCommsCompliance(reports, now, { months: 2 });
    expect(rows.map((r) => r.month)).toEqual(['2025-02', '2025-03']);
    const feb = rows[0]!.channels;
    expect(feb.status_page).toEqual({ due: 2, onTime: 1, rate: 0.5 });
    expect(feb.customers).toEqual({ due: 2, onTime: 1, rate: 0.5 });
    expect(feb.executives).toEqual({ due: 0, onTime: 0, rate: null });
    expect(feb.cadence).toEqual({ due: 2, onTime: 2, rate: 1 });
    expect(rows[1]!.channels.executives).toEqual({ due: 1, onTime: 0, rate: 0 });
  });

  it('filters by the most severe level each incident reached', () => {
    const rows = monthlyCommsCompliance(reports, now, { months: 2, severities: [1] });
    expect(rows[0]!.channels.status_page.due).toBe(0);
    expect(rows[1]!.channels.status_page).toEqual({ due: 1, onTime: 1, rate: 1 });
  });

  it('leaves pending duties out until they come due', () => {
    const open = communicationCompliance(
      { events: [ev('classified', at(2025, 3, 20, 11), { severity: 2 })] },
      DEFAULT_POLICY,
      at(2025, 3, 20, 11, 10),
    );
    const rows = monthlyCommsCompliance([open], now, { months: 1 });
    expect(rows[0]!.channels.status_page.due).toBe(0);
  });
});

describe('dashboardCsv', () => {
  it('one row per month and metric, communication and action items, rates in percent', () => {
    const now = at(2025, 3, 20);
    const comms = monthlyCommsCompliance([incident(at(2025, 3, 3), 2, 20, 50)], now, { months: 1 });
    const items = completionRates(
      [item({ id: 'a', dueAt: at(2025, 3, 10), status: 'done', doneAt: at(2025, 3, 9) })],
      now,
      1,
    );
    expect(dashboardCsv(comms, items)).toBe(
      [
        'month,metric,due,on_time,rate_percent',
        '2025-03,status_page,1,0,0',
        '2025-03,customers,1,1,100',
        '2025-03,executives,0,0,',
        '2025-03,cadence,1,1,100',
        '2025-03,action_items,1,1,100',
        '',
      ].join('\r\n'),
    );
  });
});

describe('csvCell', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
