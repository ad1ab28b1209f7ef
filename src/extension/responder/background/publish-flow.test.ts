import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startStatuspageMock,
  type StatuspageMock,
} from '../../../../tests/support/statuspage-mock';
import { eventsOf, getIncident, saveIncident } from '../../db/incidents';
import { openLensDB, type LensDatabase } from '../../db/open';
import { responderHandlers, type ResponderHandlers } from './handlers';
import { T0, incident } from './fixtures.test-kit';

/**
 * The publish flow against the local Statuspage-shaped server over real HTTP: what reaches the
 * public page (request bodies as the server logged them), and what never does.
 */
let mock: StatuspageMock;
let db: LensDatabase;
let h: ResponderHandlers;
let n = 0;
const TIMEOUT_MS = 300;

beforeAll(async () => {
  mock = await startStatuspageMock();
});
afterAll(() => mock.close());
beforeEach(async () => {
  mock.requests.length = 0;
  mock.incidents.clear();
  db = await openLensDB(`flow-${++n}`);
  h = responderHandlers({
    db: async () => db,
    now: () => T0 + 60_000,
    fetch,
    newId: () => `id${++n}`,
    timeoutMs: TIMEOUT_MS,
  });
  await saveIncident(db, incident(), [
    { id: 'c', incidentId: 'i1', type: 'classified', at: T0, severity: 2 },
  ]);
  await h['statuspage/connect']({ pageId: mock.pageId, apiKey: mock.apiKey, apiBase: mock.base });
  mock.requests.length = 0;
});
afterEach(() => db.close());

const target = (status: 'investigating' | 'identified' | 'resolved', ids: string[] = []) => ({
  status,
  componentIds: ids,
  componentStatus: 'major_outage' as const,
});
const writes = () => mock.requests.filter((r) => r.method !== 'GET');
const initial = {
  id: 'i1',
  kind: 'initial' as const,
  text: 'We are aware of an issue affecting Checkout and are investigating.',
  via: 'statuspage' as const,
  publicTitle: 'Card payments failing',
  target: target('investigating', ['cmp1', 'cmp3']),
};

describe('what reaches the public page', () => {
  it('the public title goes out, never the internal one; subscribers are notified', async () => {
    const r = await h['incidents/publish'](initial);
    expect(r).toMatchObject({ ok: true, shortlink: expect.stringMatching(/^https:\/\//) });
    expect(writes()[0]?.body).toEqual({
      incident: {
        name: 'Card payments failing',
        status: 'investigating',
        body: initial.text,
        impact_override: 'major',
        components: { cmp1: 'major_outage', cmp3: 'major_outage' },
        component_ids: ['cmp1', 'cmp3'],
        deliver_notifications: true,
      },
    });
    expect(await getIncident(db, 'i1')).toMatchObject({ publicTitle: 'Card payments failing' });
  });

  it('without a public title nothing is sent', async () => {
    const r = await h['incidents/publish']({ ...initial, publicTitle: '  ' });
    expect(r).toEqual({ ok: false, error: { kind: 'no_public_title' } });
    expect(writes()).toEqual([]);
  });

  it('updates keep the components and their states; the resolution sets them operational', async () => {
    await h['incidents/publish'](initial);
    await h['incidents/publish']({
      ...initial,
      kind: 'update',
      text: 'Still failing; we found the cause.',
      target: target('identified'),
    });
    expect(writes()[1]?.body).toMatchObject({
      incident: {
        status: 'identified',
        components: { cmp1: 'major_outage', cmp3: 'major_outage' },
        component_ids: ['cmp1', 'cmp3'],
      },
    });
    const r = await h['incidents/resolve']({
      id: 'i1',
      text: 'This incident has been resolved.',
      publish: target('resolved'),
    });
    expect(r.ok).toBe(true);
    expect(writes()[2]?.body).toMatchObject({
      incident: {
        status: 'resolved',
        components: { cmp1: 'operational', cmp3: 'operational' },
        component_ids: ['cmp1', 'cmp3'],
        deliver_notifications: true,
      },
    });
  });

  it('a never-published incident is resolved locally only: no POST of a resolved incident', async () => {
    const r = await h['incidents/resolve']({
      id: 'i1',
      text: 'This incident has been resolved.',
      publish: target('resolved', ['cmp1']),
    });
    expect(r).toEqual({ ok: false, error: { kind: 'never_published' } });
    expect(writes()).toEqual([]);
    const local = await h['incidents/resolve']({ id: 'i1', text: 'Resolved.' });
    expect(local.ok).toBe(true);
    expect(writes()).toEqual([]);
  });

  it('a mistaken incident is cancelled: taken off the page, closed without a post-mortem', async () => {
    await h['incidents/publish'](initial);
    const id = (await getIncident(db, 'i1'))?.statuspageIncidentId ?? '';
    const r = await h['incidents/cancel']({ id: 'i1', reason: 'Declared for the wrong product' });
    expect(r).toMatchObject({ ok: true, incident: { status: 'cancelled' } });
    expect(writes().at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v1/pages/${mock.pageId}/incidents/${id}`,
    });
    expect(mock.incidents.has(id)).toBe(false);
    expect((await eventsOf(db, 'i1')).at(-1)).toMatchObject({
      type: 'note',
      text: 'Cancelled: Declared for the wrong product',
    });
  });
});

describe('a slow or lost public incident', () => {
  it('a create that times out is found on the page, not posted twice', async () => {
    mock.delayNext(TIMEOUT_MS * 3);
    const r = await h['incidents/publish'](initial);
    expect(r).toMatchObject({ ok: true });
    expect(writes().filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(mock.incidents.size).toBe(1);
    const [only] = [...mock.incidents.keys()];
    expect(await getIncident(db, 'i1')).toMatchObject({ statuspageIncidentId: only });
  });

  it('a create that timed out and cannot be found warns, and the retry looks before posting', async () => {
    // the page hides the incident until later (eventual consistency): the lookup finds nothing
    mock.delayNext(TIMEOUT_MS * 3);
    const hide = mock.incidents.set.bind(mock.incidents);
    let hidden: [string, Record<string, unknown>] | null = null;
    mock.incidents.set = (k, v) => ((hidden = [k, v]), mock.incidents);
    const r = await h['incidents/publish'](initial);
    mock.incidents.set = hide;
    expect(r).toEqual({ ok: false, error: { kind: 'maybe_posted', seconds: 0 } });
    expect((await getIncident(db, 'i1'))?.statuspageCreatePendingAt).toBeDefined();
    // now it shows: the retry finds it and posts nothing new
    if (hidden) mock.incidents.set(...(hidden as [string, Record<string, unknown>]));
    const again = await h['incidents/publish'](initial);
    expect(again.ok).toBe(true);
    expect(writes().filter((w) => w.method === 'POST')).toHaveLength(1);
    expect((await getIncident(db, 'i1'))?.statuspageCreatePendingAt).toBeUndefined();
  });

  it('a 404 for a lost incident can be unlinked, and the next publish creates it again', async () => {
    await h['incidents/publish'](initial);
    mock.incidents.clear();
    const lost = await h['incidents/publish']({ ...initial, kind: 'update', text: 'More.' });
    expect(lost).toEqual({ ok: false, error: { kind: 'not_found', status: 404 } });
    const unlinked = await h['incidents/unlinkStatuspage']({ id: 'i1' });
    expect(unlinked.statuspageIncidentId).toBeUndefined();
    const again = await h['incidents/publish']({ ...initial, kind: 'update', text: 'More.' });
    expect(again.ok).toBe(true);
    expect(writes().map((w) => w.method)).toEqual(['POST', 'PATCH', 'POST']);
  });
});
