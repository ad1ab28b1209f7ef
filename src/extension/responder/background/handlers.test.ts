import { describe, expect, it } from 'vitest';
import { draftsOf, getDraft } from '../../db/drafts';
import { eventsOf, getIncident, saveIncident } from '../../db/incidents';
import { eventsWithLinked } from '../linked-events';
import { T0, TARGET, connect, incident, useKit } from './fixtures.test-kit';

const k = useKit();

describe('publish', () => {
  const fields = { feature: 'Checkout' };
  const req = {
    id: 'i1',
    kind: 'initial' as const,
    text: 'We are aware…',
    via: 'statuspage' as const,
    target: TARGET,
    fields,
    publicTitle: 'Checkout errors',
  };

  it('without a connection: not_connected, draft kept', async () => {
    expect(await k.h['incidents/publish'](req)).toEqual({
      ok: false,
      error: { kind: 'not_connected' },
    });
    expect((await getDraft(k.db, 'i1', 'initial'))?.fields).toEqual(fields);
  });
  it('creates on Statuspage (201), records status_page_posted, clears the draft; then updates with PATCH', async () => {
    await connect(k);
    k.replies.push({
      status: 201,
      body: { id: 'sp9', name: 'Checkout errors', status: 'investigating' },
    });
    k.now = T0 + 60_000;
    const r = await k.h['incidents/publish'](req);
    expect(r).toMatchObject({ ok: true, statuspageIncidentId: 'sp9' });
    expect(k.calls[1]?.init.method).toBe('POST');
    expect(JSON.parse(String(k.calls[1]?.init.body))).toEqual({
      incident: {
        name: 'Checkout errors',
        status: 'investigating',
        body: 'We are aware…',
        impact_override: 'major',
        components: { cmp1: 'partial_outage' },
        component_ids: ['cmp1'],
        deliver_notifications: true,
      },
    });
    expect((await getIncident(k.db, 'i1'))?.statuspageIncidentId).toBe('sp9');
    const evs = await eventsOf(k.db, 'i1');
    expect(evs.at(-1)).toMatchObject({
      type: 'status_page_posted',
      at: T0 + 60_000,
      text: 'We are aware…',
    });
    expect(await draftsOf(k.db, 'i1')).toEqual([]);
    k.replies.push({
      status: 200,
      body: { id: 'sp9', name: 'Checkout errors', status: 'identified' },
    });
    const u = await k.h['incidents/publish']({
      ...req,
      kind: 'update',
      text: 'Update',
      target: { ...TARGET, status: 'identified' },
    });
    expect(u.ok).toBe(true);
    expect(k.calls[2]?.init.method).toBe('PATCH');
    expect(k.calls[2]?.url).toBe('https://api.example.test/v1/pages/pg1/incidents/sp9');
    expect((await eventsOf(k.db, 'i1')).at(-1)?.type).toBe('update_posted');
  });
  it('an update marked as posted keeps the next update time it promised', async () => {
    k.now = T0 + 60_000;
    const promised = T0 + 16 * 60_000;
    const r = await k.h['incidents/publish']({
      ...req,
      kind: 'update',
      text: 'Update',
      via: 'manual',
      nextUpdateAt: promised,
    });
    expect(r.ok).toBe(true);
    expect((await eventsOf(k.db, 'i1')).at(-1)).toMatchObject({
      type: 'update_posted',
      nextUpdateAt: promised,
    });
  });
  it.each([
    [
      { status: 401, body: { error: 'Could not authenticate' } },
      { kind: 'auth', status: 401 },
    ],
    [
      { status: 422, body: { error: ["Name can't be blank"] } },
      { kind: 'validation', status: 422, detail: "Name can't be blank" },
    ],
    [
      { status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': '12' } },
      { kind: 'rate_limited', status: 429, retryAfterSeconds: 12 },
    ],
  ])('a %j reply records nothing and keeps the draft', async (reply, error) => {
    await connect(k);
    k.replies.push(reply);
    expect(await k.h['incidents/publish'](req)).toEqual({ ok: false, error });
    expect((await eventsOf(k.db, 'i1')).map((e) => e.type)).toEqual(['classified']);
    expect((await getDraft(k.db, 'i1', 'initial'))?.fields).toEqual(fields);
  });
  it('"mark as sent" records the kind\'s event without any network call', async () => {
    const r = await k.h['incidents/publish']({
      id: 'i1',
      kind: 'customer_email',
      text: 'Hello',
      via: 'manual',
    });
    expect(r.ok).toBe(true);
    expect(k.calls).toEqual([]);
    expect((await eventsOf(k.db, 'i1')).at(-1)?.type).toBe('customers_notified');
  });
  it('refuses to publish an email through Statuspage, and unknown incidents', async () => {
    await expect(
      k.h['incidents/publish']({
        id: 'i1',
        kind: 'exec',
        text: 'x',
        via: 'statuspage',
        target: TARGET,
      }),
    ).rejects.toThrow();
    await expect(k.h['incidents/publish']({ ...req, id: 'nope' })).rejects.toThrow(
      /Unknown incident/,
    );
  });
});

describe('resolve', () => {
  it('records the message and time, moves to resolved, starts the 48 k.h clock; only once', async () => {
    k.now = T0 + 3_600_000;
    const r = await k.h['incidents/resolve']({
      id: 'i1',
      text: 'This incident has been resolved.',
      at: T0 + 3_000_000,
    });
    expect(r).toMatchObject({
      ok: true,
      postmortemDueAt: T0 + 3_000_000 + 48 * 3_600_000,
      incident: { status: 'resolved', resolvedAt: T0 + 3_000_000 },
    });
    expect((await eventsOf(k.db, 'i1')).at(-1)).toMatchObject({
      type: 'resolved',
      at: T0 + 3_000_000,
      text: 'This incident has been resolved.',
    });
    expect(await k.h['incidents/resolve']({ id: 'i1', text: 'x' })).toEqual({
      ok: false,
      error: { kind: 'already_resolved' },
    });
  });
  it('refuses future / pre-start times; a failed Statuspage write leaves it open with the draft', async () => {
    await expect(
      k.h['incidents/resolve']({ id: 'i1', text: 'x', at: T0 + 3_600_000 }),
    ).rejects.toThrow(/future/);
    await expect(
      k.h['incidents/resolve']({ id: 'i1', text: 'x', at: T0 - 3_600_000 }),
    ).rejects.toThrow(/before/);
    await connect(k);
    await saveIncident(
      k.db,
      incident({ statuspageIncidentId: 'sp9', publicTitle: 'Checkout errors' }),
    );
    k.replies.push({ status: 422, body: { error: 'Status is invalid' } });
    const r = await k.h['incidents/resolve']({
      id: 'i1',
      text: 'Resolved.',
      publish: { ...TARGET, status: 'resolved' },
      fields: { feature: 'Checkout' },
    });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'validation', status: 422, detail: 'Status is invalid' },
    });
    expect((await getIncident(k.db, 'i1'))?.status).toBe('open');
    // the composer's fields come back as the responder typed them
    expect((await getDraft(k.db, 'i1', 'resolution'))?.fields).toEqual({ feature: 'Checkout' });
  });
});

describe('link and drafts', () => {
  it('links to a known feed incident, whose updates then count as posted updates; unlinks', async () => {
    await expect(
      k.h['incidents/link']({ id: 'i1', link: { sourceId: 's1', incidentId: 'f1' } }),
    ).rejects.toThrow();
    const update = {
      id: 'u1',
      status: 'investigating',
      body: 'Looking',
      createdAt: T0 + 60_000,
      displayAt: T0 + 60_000,
      affectedComponents: [],
    };
    await k.db.put('feedIncidents', {
      key: 's1|f1',
      sourceId: 's1',
      active: 1,
      firstSeenAt: T0,
      lastSeenAt: T0,
      incident: { id: 'f1', updates: [update] } as never,
    });
    const linked = await k.h['incidents/link']({
      id: 'i1',
      link: { sourceId: 's1', incidentId: 'f1' },
    });
    expect(linked.linked).toEqual({ sourceId: 's1', incidentId: 'f1' });
    const events = await eventsWithLinked(k.db, linked);
    expect(events.map((e) => e.type)).toEqual(['classified', 'update_posted']);
    const unlinked = await k.h['incidents/link']({ id: 'i1', link: null });
    expect(unlinked.linked).toBeUndefined();
    expect((await eventsWithLinked(k.db, unlinked)).length).toBe(1);
  });
  it('saves and discards drafts', async () => {
    await k.h['drafts/save']({ incidentId: 'i1', kind: 'update', fields: { impacted: 'x' } });
    expect((await getDraft(k.db, 'i1', 'update'))?.fields).toEqual({ impacted: 'x' });
    await k.h['drafts/discard']({ incidentId: 'i1', kind: 'update' });
    expect(await getDraft(k.db, 'i1', 'update')).toBeUndefined();
    await expect(
      k.h['drafts/save']({ incidentId: 'nope', kind: 'update', fields: {} }),
    ).rejects.toThrow();
  });
});

describe('resolve in the minute the incident started', () => {
  it('takes the start time rather than refusing a minute-precision time', async () => {
    await saveIncident(k.db, incident({ id: 'i2', startedAt: T0 + 30_000 }));
    k.now = T0 + 40_000;
    const r = await k.h['incidents/resolve']({ id: 'i2', text: 'Resolved.', at: T0 });
    expect(r).toMatchObject({ ok: true, incident: { resolvedAt: T0 + 30_000 } });
  });
});
