import { describe, expect, it } from 'vitest';
import type { ProblemCode } from '../types';
import { readFeed } from './formats/index';
import { describeProblem, parseFeed, parseSummary } from './index';

const T = '2026-01-02T03:04:05Z';

/** The problems of one parse, in words. */
const words = (input: unknown) => parseFeed(input).problems.map(describeProblem);

describe('describeProblem', () => {
  it('words every problem the parser reports, with its path', () => {
    expect(
      words({
        status: { indicator: 'purple' },
        incidents: [
          { id: 'a', name: 'A', created_at: 'yesterday', shortlink: 'javascript:alert(1)' },
          { id: 'b', name: 'B', created_at: T, incident_updates: {} },
          { id: 'c', created_at: T, name: ['x'] },
          { id: 'd', name: 'D', created_at: T, impact: null, status: 7 },
          42,
          { name: '' },
        ],
        components: [{ id: 'x', name: 'X' }, { id: 'x', name: 'X again' }, { name: 'No id' }],
      }),
    ).toEqual([
      { path: 'status.indicator', message: 'unknown value "purple"' },
      { path: 'components[1].id', message: 'duplicate id "x"; dropped' },
      { path: 'components[2].id', message: 'no id; one was derived' },
      { path: 'incidents[0].created_at', message: 'invalid date "yesterday"' },
      {
        path: 'incidents[0].shortlink',
        message: 'link dropped (https only): "javascript:alert(1)"',
      },
      { path: 'incidents[0].created_at', message: 'no usable date' },
      { path: 'incidents[1].incident_updates', message: 'not a list: object' },
      { path: 'incidents[2].name', message: 'not a string: list' },
      { path: 'incidents[2].name', message: 'no name' },
      { path: 'incidents[3].status', message: 'not a string: number' },
      { path: 'incidents[4]', message: 'not an object: number' },
      { path: 'incidents[5]', message: 'no id or name; dropped' },
    ]);
  });

  it('says what a text that is not JSON looks like, without echoing it', () => {
    expect(words('<html><body>502 Bad Gateway</body></html>')).toEqual([
      { path: '$', message: 'not valid JSON (looks like HTML, e.g. an error page)' },
    ]);
    expect(words('{"incidents": [')[0]?.message).toBe('not valid JSON (truncated or malformed)');
    expect(words('  ')[0]?.message).toBe('not valid JSON (empty)');
  });

  it('words payloads that are not Statuspage feeds, cuts and counts', () => {
    expect(words(12)).toEqual([{ path: '$', message: 'not a Statuspage payload: number' }]);
    expect(words({ hello: 'world' })).toEqual([{ path: '$', message: 'not a Statuspage payload' }]);
    const cut = parseFeed(
      { incidents: [{ id: 'a', name: 'n'.repeat(30), created_at: T }] },
      {
        maxStringLength: 10,
      },
    );
    expect(cut.problems.map(describeProblem)).toEqual([
      { path: 'incidents[0].name', message: 'over 10 characters; cut' },
    ]);
  });

  it('quotes long offending strings clipped to 60 characters', () => {
    const [p] = words({ status: { indicator: 'z'.repeat(500) } });
    expect(p?.message).toBe(`unknown value "${'z'.repeat(59)}…"`);
  });

  it('reports a window that ends before it starts, and reads it as having no end, in every format', () => {
    const window = {
      id: 'm',
      name: 'Database upgrade',
      status: 'scheduled',
      scheduled_for: '2026-01-02T10:00:00Z',
      scheduled_until: '2026-01-02T08:00:00Z',
    };
    for (const parse of [parseFeed, parseSummary]) {
      const r = parse({ scheduled_maintenances: [window] });
      expect(r.feed.maintenances[0]!.scheduledFor).toBe(Date.parse(window.scheduled_for));
      expect(r.feed.maintenances[0]).not.toHaveProperty('scheduledUntil');
      expect(r.problems.map(describeProblem)).toEqual([
        {
          path: 'scheduled_maintenances[0].scheduled_until',
          message: 'ends before it starts: "2026-01-02T08:00:00Z"; read as no end',
        },
      ]);
    }
    // an OpenStatus maintenance, with the path in its own payload
    const open = readFeed({
      maintenances: [
        { id: 3, name: 'Upgrade', from: '2026-01-02T10:00:00Z', to: '2026-01-02T09:00:00Z' },
      ],
      statusReports: [],
    });
    expect(open.format).toBe('openstatus');
    expect(open.feed.maintenances[0]).not.toHaveProperty('scheduledUntil');
    expect(open.problems.map((p) => [p.path, p.code])).toEqual([['maintenances[0].to', 'window']]);
    // an end equal to the start, or after it, is no problem
    for (const end of ['2026-01-02T10:00:00Z', '2026-01-02T12:00:00Z']) {
      const ok = parseFeed({ scheduled_maintenances: [{ ...window, scheduled_until: end }] });
      expect(ok.problems).toEqual([]);
      expect(ok.feed.maintenances[0]!.scheduledUntil).toBe(Date.parse(end));
    }
  });

  it('has words for every code', () => {
    const codes: ProblemCode[] = [
      'value',
      'date',
      'link',
      'list',
      'string',
      'object',
      'cut',
      'items',
      'dropped',
      'id',
      'dup',
      'name',
      'time',
      'unreadable',
      'json',
      'payload',
      'more',
      'window',
    ];
    for (const code of codes) {
      const { message } = describeProblem({ path: '$', code, got: 3 });
      expect(message.length, code).toBeGreaterThan(5);
    }
  });
});
