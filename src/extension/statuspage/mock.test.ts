import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatuspageMock, type StatuspageMock } from '../../../tests/support/statuspage-mock';
import { StatuspageClient } from './client';
import type { IncidentWrite } from './types';

/** The client against the local Statuspage-compatible server the e2e tests use, over real HTTP. */
let mock: StatuspageMock;
let client: StatuspageClient;
const W: IncidentWrite = {
  name: 'Checkout errors',
  status: 'investigating',
  body: 'b',
  components: { c1: 'major_outage' },
  deliverNotifications: true,
};

beforeAll(async () => {
  mock = await startStatuspageMock();
  client = new StatuspageClient(
    { pageId: mock.pageId, apiKey: mock.apiKey, apiBase: mock.base },
    { fetch, now: () => Date.now() },
  );
});
afterAll(() => mock.close());

describe('client ↔ statuspage mock', () => {
  it('verifies, creates (201) and updates (200)', async () => {
    expect(await client.verify()).toMatchObject({ ok: true, value: { id: mock.pageId } });
    const c = await client.createIncident(W);
    expect(c).toMatchObject({
      ok: true,
      value: { name: 'Checkout errors', status: 'investigating' },
    });
    const id = c.ok ? c.value.id : '';
    expect(await client.updateIncident(id, { ...W, status: 'resolved' })).toMatchObject({
      ok: true,
      value: { id, status: 'resolved' },
    });
    expect(mock.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'PATCH']);
    expect(mock.requests[1]?.authorization).toBe(`OAuth ${mock.apiKey}`);
  });
  it('answers 401 / 422 / 429 on demand, and validates like the API', async () => {
    mock.failNext({ status: 401 });
    expect(await client.createIncident(W)).toEqual({
      ok: false,
      error: { kind: 'auth', status: 401 },
    });
    mock.failNext({ status: 422, error: 'Body is too long' });
    expect(await client.createIncident(W)).toEqual({
      ok: false,
      error: { kind: 'validation', status: 422, detail: 'Body is too long' },
    });
    mock.failNext({ status: 429, retryAfter: 5 });
    expect(await client.createIncident(W)).toEqual({
      ok: false,
      error: { kind: 'rate_limited', status: 429, retryAfterSeconds: 5 },
    });
    expect(await client.createIncident({ ...W, name: ' ' })).toEqual({
      ok: false,
      error: { kind: 'validation', status: 422, detail: "Name can't be blank" },
    });
    const wrongKey = new StatuspageClient(
      { pageId: mock.pageId, apiKey: 'nope', apiBase: mock.base },
      { fetch, now: () => Date.now() },
    );
    expect(await wrongKey.verify()).toEqual({ ok: false, error: { kind: 'auth', status: 401 } });
  });
  it('lists the page components, groups included, like the API', async () => {
    const r = await client.listComponents();
    expect(r.ok && r.value.map((c) => [c.id, c.name, c.groupId, c.group])).toEqual([
      ['cmp1', 'Checkout', null, false],
      ['cmp2', 'Search', null, false],
      ['grp1', 'Payments', null, true],
      ['cmp3', 'Card API', 'grp1', false],
      ['cmp4', 'Payouts', 'grp1', false],
    ]);
    expect(mock.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v1/pages/${mock.pageId}/components`,
      authorization: `OAuth ${mock.apiKey}`,
    });
  });
});
