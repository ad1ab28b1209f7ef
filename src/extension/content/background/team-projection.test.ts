import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import type {
  EventRecord,
  FeedIncidentRecord,
  IncidentRecord,
  SourceRecord,
} from '../../db/schema';
import { buildOverlay, type ProjectionInput } from './projection';

const T0 = Date.UTC(2026, 2, 2, 10, 0);
const MIN = 60_000;
const bob = { name: 'bob', display: 'Bob Responder' };
const ann = { name: 'ann', display: 'Ann Responder' };

const source = {
  id: 's1',
  name: 'Acme',
  url: 'https://status.acme.test/api/v2/summary.json',
  enabled: true,
  failures: 0,
} as SourceRecord;

const feedRec = (over: Partial<FeedIncidentRecord> = {}): FeedIncidentRecord => ({
  key: 's1|inc1',
  sourceId: 's1',
  incident: {
    id: 'inc1',
    kind: 'incident',
    name: 'Elevated errors on Checkout',
    status: 'identified',
    impact: 'major',
    severity: 2,
    createdAt: T0,
    updatedAt: T0,
    components: [],
    updates: [],
  },
  active: 1,
  firstSeenAt: T0,
  lastSeenAt: T0,
  ...over,
});

const input = (over: Partial<ProjectionInput> = {}): ProjectionInput => ({
  now: T0 + 5 * MIN,
  policy: DEFAULT_POLICY,
  sources: [source],
  pageUrls: new Map(),
  active: [feedRec()],
  copied: new Map(),
  linkedEvents: new Map(),
  ...over,
});

const customerEmail = (o: { obligations: { ruleId: string; state: string }[] }) =>
  o.obligations.find((x) => x.ruleId === 'customer_email');

describe("the agents' overlay in team mode", () => {
  test("a feed incident's duty marked done by another agent shows done, with their name and time", () => {
    const before = buildOverlay(input()).incidents[0]!;
    expect(customerEmail(before)?.state).not.toBe('met');
    const mark = {
      id: `mark:${source.url}|inc1|customer_email`,
      feedUrl: source.url,
      incidentId: 'inc1',
      obligationId: 'customer_email',
      at: T0 + 2 * MIN,
      author: bob,
    };
    const after = buildOverlay(input({ teamMarks: new Map([['s1|inc1', [mark]]]) })).incidents[0]!;
    expect(customerEmail(after)?.state).toBe('met');
    expect(after.doneBy).toEqual({ customer_email: { by: 'Bob Responder', at: T0 + 2 * MIN } });
  });

  test("this browser's earlier mark stays the one that counts; a later team mark changes nothing", () => {
    const mine = feedRec({ done: [{ obligationId: 'customer_email', at: T0 + MIN, by: 'Ann' }] });
    const later = {
      id: 'm',
      feedUrl: source.url,
      incidentId: 'inc1',
      obligationId: 'customer_email',
      at: T0 + 3 * MIN,
      author: bob,
    };
    const got = buildOverlay(input({ active: [mine], teamMarks: new Map([['s1|inc1', [later]]]) }))
      .incidents[0]!;
    expect(got.doneBy).toEqual({ customer_email: { by: 'Ann', at: T0 + MIN } });
  });

  const declared = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
    id: 'x1',
    title: 'Checkout fails for EU customers',
    components: ['Checkout'],
    publiclyVisible: true,
    startedAt: T0,
    declaredAt: T0,
    status: 'open',
    severity: 2,
    updatedAt: T0,
    createdBy: ann,
    lastBy: ann,
    lastAt: T0,
    ...over,
  });
  const events: EventRecord[] = [
    { id: 'e1', incidentId: 'x1', type: 'declared', at: T0, author: ann },
    { id: 'e2', incidentId: 'x1', type: 'classified', severity: 2, at: T0, author: ann },
    {
      id: 'e3',
      incidentId: 'x1',
      type: 'obligation_met',
      obligationId: 'status_page',
      at: T0 + 4 * MIN,
      author: bob,
    },
  ];

  test('a team-declared incident not public yet is an internal item: its duties, who met them, no update', () => {
    const state = buildOverlay(
      input({
        active: [],
        teamIncidents: [{ incident: declared(), events, policy: DEFAULT_POLICY }],
      }),
    );
    expect(state.incidents).toHaveLength(1);
    const it = state.incidents[0]!;
    expect(it.internal).toEqual({ declaredBy: 'Ann Responder' });
    expect(it.incident).toMatchObject({ name: 'Checkout fails for EU customers', severity: 2 });
    expect(it.incident.updates).toEqual([]);
    expect(it.obligations.find((o) => o.ruleId === 'status_page')?.state).toBe('met');
    expect(it.doneBy?.status_page).toEqual({ by: 'Bob Responder', at: T0 + 4 * MIN });
    // the responders' own duties (the bridge call, engaging on-call) are not the agents' business
    expect(it.obligations.map((o) => o.channel)).not.toContain('bridge');
  });

  test('the holding line rides along when the team has one, in each language written', () => {
    const state = buildOverlay(
      input({
        active: [],
        holdingLines: {
          en: 'We are looking into reports of checkout failures.',
          de: 'Wir gehen Berichten über fehlschlagende Bestellungen nach.',
        },
        teamIncidents: [{ incident: declared(), events, policy: DEFAULT_POLICY }],
      }),
    );
    expect(state.incidents[0]!.internal?.holdingLines).toEqual({
      en: 'We are looking into reports of checkout failures.',
      de: 'Wir gehen Berichten über fehlschlagende Bestellungen nach.',
    });
  });

  test.each([
    ['a local-only incident (no team author)', { createdBy: undefined }],
    ['a resolved one', { status: 'resolved' as const }],
    ['one published through the Statuspage API', { statuspageIncidentId: 'sp1' }],
    [
      'one linked to a feed incident the overlay shows',
      { linked: { sourceId: 's1', incidentId: 'inc1' } },
    ],
  ])('is not shown as internal: %s', (_name, over) => {
    const state = buildOverlay(
      input({ teamIncidents: [{ incident: declared(over), events, policy: DEFAULT_POLICY }] }),
    );
    expect(state.incidents.filter((i) => i.internal)).toEqual([]);
  });
});
