// Issue 19, items 8 and 9 and the reply language, in the worker: what the overlay projection says
// since when and where, which resolved incidents keep a card, and the reply language per ticket.
import '../../background/i18n.test-kit';
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { createHandlers } from '../../background/router';
import { pollDue } from '../../feeds/background/poll';
import { refresh } from '../../background/refresh';
import type { Sender } from '../../messaging/channel';
import {
  json,
  makeKit,
  MIN,
  spIncident,
  spSummary,
  T0,
  withSource,
  type Kit,
} from '../../background/worker.test-kit';
import { TICKET_LANGUAGES } from './handlers';

/** Serves these incidents, polls and refreshes, `minutes` after the previous wake. */
async function wake(kit: Kit, incidents: Record<string, unknown>[], minutes = 1): Promise<void> {
  kit.clock.now += minutes * MIN;
  kit.net.respond = () => json(spSummary(incidents));
  await kit.db.put('sources', { ...(await kit.db.get('sources', 's1'))!, nextPollAt: 0 });
  await pollDue(kit.deps);
  await refresh(kit.deps);
}

const resolvedAt = (at: number) => ({
  ...spIncident('a', {
    status: 'resolved',
    updates: [{ id: 'a-fix', at, body: 'Fixed: the route was rolled back.' }],
  }),
  resolved_at: new Date(at).toISOString(),
});

describe('since when, and where (item 8)', () => {
  test('each item carries the incident’s own link; the card computes its start from the incident', async () => {
    const kit = await makeKit();
    await withSource(kit);
    await wake(kit, [{ ...spIncident('a'), shortlink: 'https://evil.example/a' }]);
    const item = kit.platform.overlay!.incidents[0]!;
    // not the shortlink on a foreign host: the status page's incident URL
    expect(item.incidentUrl).toBe('https://status.acme.test/incidents/a');
    expect(item.incident.startedAt).toBe(T0);
  });
});

describe('recently resolved (item 9)', () => {
  test('a resolved incident keeps its card for the keep time, not counted as active', async () => {
    const kit = await makeKit();
    await withSource(kit);
    await wake(kit, [spIncident('a')]);
    const fixedAt = kit.clock.now + MIN;
    await wake(kit, [resolvedAt(fixedAt)]);
    let o = kit.platform.overlay!;
    expect(o.incidents).toEqual([]);
    expect(o.resolved).toHaveLength(1);
    expect(o.resolved![0]).toMatchObject({ endedAt: fixedAt, obligations: [] });
    expect(o.resolved![0]!.incident.updates[0]!.body).toBe('Fixed: the route was rolled back.');
    expect(kit.platform.badge?.text).toBe('');
    // Still there 119 minutes later (default 120), gone at 120.
    await wake(kit, [resolvedAt(fixedAt)], 119);
    expect(kit.clock.now - fixedAt).toBe(119 * MIN);
    expect(kit.platform.overlay!.resolved).toHaveLength(1);
    await wake(kit, [resolvedAt(fixedAt)], 1);
    o = kit.platform.overlay!;
    expect(o.resolved).toBeUndefined();
  });

  test('one a summary feed drops is shown resolved, ended at its last sighting', async () => {
    const kit = await makeKit();
    await withSource(kit);
    await wake(kit, [spIncident('a', { status: 'monitoring' })]);
    const lastSeen = kit.clock.now;
    await wake(kit, []);
    const r = kit.platform.overlay!.resolved![0]!;
    expect(r.endedAt).toBe(lastSeen);
    expect(r.incident.status).toBe('resolved');
  });

  test('the keep time is a setting: 0 shows none; refused outside 0..1440 whole minutes', async () => {
    const kit = await makeKit();
    const h = createHandlers(kit.deps);
    const page: Sender = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    await withSource(kit);
    await wake(kit, [spIncident('a')]);
    await wake(kit, [resolvedAt(kit.clock.now)]);
    expect(kit.platform.overlay!.resolved).toHaveLength(1);
    expect(await h['overlay/setResolvedKeep']({ minutes: 0 }, page)).toBe(0);
    expect(kit.platform.overlay!.resolved).toBeUndefined();
    for (const minutes of [-1, 1.5, 1441, Number.NaN])
      await expect(h['overlay/setResolvedKeep']({ minutes }, page)).rejects.toThrow(/0 to 1440/);
  });

  test('an old incident first seen resolved gets no card', async () => {
    const kit = await makeKit();
    await withSource(kit);
    await wake(kit, [resolvedAt(T0 - 600 * MIN)]);
    expect(kit.platform.overlay!.resolved).toBeUndefined();
  });
});

describe('the reply language per ticket (item 4)', () => {
  const origin = 'https://acme.zendesk.com';
  const tab: Sender = { id: 'ext', url: `${origin}/agent/tickets/1`, tab: { id: 1 } } as Sender;
  const other: Sender = { id: 'ext', url: 'https://evil.example/', tab: { id: 2 } } as Sender;
  const key = (n: number) => n.toString(16).padStart(64, '0');

  async function site(): Promise<{ kit: Kit; h: ReturnType<typeof createHandlers> }> {
    const kit = await makeKit();
    await kit.db.put('sites', {
      pattern: `${origin}/*`,
      origin,
      enabled: true,
      addedAt: T0,
      corner: 'bottom-right',
    });
    return { kit, h: createHandlers(kit.deps) };
  }

  test('per ticket, else the site’s last choice, else none (the UI language)', async () => {
    const { h } = await site();
    expect(await h['overlay/getReplyLanguage']({ origin, ticket: key(1) }, tab)).toBeNull();
    await h['overlay/setReplyLanguage']({ origin, ticket: key(1), language: 'de' }, tab);
    expect(await h['overlay/getReplyLanguage']({ origin, ticket: key(1) }, tab)).toBe('de');
    expect(await h['overlay/getReplyLanguage']({ origin, ticket: key(2) }, tab)).toBe('de');
    await h['overlay/setReplyLanguage']({ origin, ticket: key(2), language: 'en' }, tab);
    expect(await h['overlay/getReplyLanguage']({ origin, ticket: key(1) }, tab)).toBe('de');
    expect(await h['overlay/getReplyLanguage']({ origin, ticket: key(3) }, tab)).toBe('en');
  });

  test('a page speaks for its own site only, with an opaque key and a known language', async () => {
    const { h } = await site();
    await expect(
      h['overlay/setReplyLanguage']({ origin, ticket: key(1), language: 'de' }, other),
    ).rejects.toThrow(/own site/);
    await expect(
      h['overlay/setReplyLanguage'](
        { origin, ticket: 'Ticket 4411: payment', language: 'de' },
        tab,
      ),
    ).rejects.toThrow(/opaque hash/);
    await expect(
      h['overlay/setReplyLanguage']({ origin, ticket: key(1), language: 'fr' as 'de' }, tab),
    ).rejects.toThrow(/en or de/);
  });

  test(`at most ${TICKET_LANGUAGES} tickets are remembered, the oldest going first`, async () => {
    const { kit, h } = await site();
    for (let i = 0; i <= TICKET_LANGUAGES; i++)
      await h['overlay/setReplyLanguage']({ origin, ticket: key(i), language: 'de' }, tab);
    const stored = (await kit.db.get('sites', `${origin}/*`))!.ticketLanguages!;
    expect(Object.keys(stored)).toHaveLength(TICKET_LANGUAGES);
    expect(stored[key(0)]).toBeUndefined();
    expect(stored[key(TICKET_LANGUAGES)]).toBe('de');
  });
});
