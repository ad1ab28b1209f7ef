import type { Page } from 'playwright-core';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a `{cmd, payload}` envelope from an extension page, as the views do; throws on `{ok:false}`. */
export async function command<T = unknown>(page: Page, cmd: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([c, p]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ cmd: c, payload: p }),
    [cmd, payload] as const,
  )) as Reply<T>;
  if (!reply.ok) throw new Error(`${cmd}: ${reply.error}`);
  return reply.value;
}

/** One incident's events, read from the extension's real IndexedDB. */
export function eventsOf(
  page: Page,
  incidentId: string,
): Promise<{ id: string; type: string; at: number }[]> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('incident-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const events = await new Promise<{ id: string; type: string; at: number }[]>((ok, fail) => {
      const q = db.transaction('events').objectStore('events').index('by-incident').getAll(id);
      q.onsuccess = () => ok(q.result as { id: string; type: string; at: number }[]);
      q.onerror = () => fail(q.error);
    });
    db.close();
    return events;
  }, incidentId);
}

export const MIN = 60_000;
/** When the seeded incident was declared: fixed, so the export's times are known in advance. */
export const T = Date.UTC(2025, 2, 14, 14, 0);

/**
 * A resolved SEV-1 incident seeded through the extension's own commands: declared and classified,
 * then its declared/classified times moved to T and T+2 min (incidents/editEvent), mitigated at
 * T+20 min and resolved at T+45 min.
 */
export async function seedResolvedIncident(page: Page): Promise<string> {
  const inc = await command<{ id: string }>(page, 'incidents/declare', {
    title: 'Checkout outage',
    components: ['Checkout'],
    publiclyVisible: true,
  });
  await command(page, 'incidents/classify', {
    id: inc.id,
    answers: { noUserCanAccessCore: true },
    severity: 1,
  });
  const events = await eventsOf(page, inc.id);
  const move = async (type: string, at: number) => {
    const e = events.find((x) => x.type === type);
    if (!e) throw new Error(`no ${type} event`);
    await command(page, 'incidents/editEvent', {
      id: inc.id,
      eventId: e.id,
      at,
      reason: 'Seeded for the test',
    });
  };
  await move('declared', T);
  await move('classified', T + 2 * MIN);
  await command(page, 'incidents/record', {
    id: inc.id,
    type: 'mitigated',
    at: T + 20 * MIN,
    text: 'Rolled back the config change',
  });
  await command(page, 'incidents/record', { id: inc.id, type: 'resolved', at: T + 45 * MIN });
  return inc.id;
}

/** Runs the background's alarm tick now (it polls, recomputes and sends reminders). */
export async function tickNow(page: Page): Promise<void> {
  await page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { alarms: { create(n: string, i: object): Promise<void> } };
      }
    ).chrome.alarms.create('poll', { when: Date.now() + 100, periodInMinutes: 0.5 }),
  );
}

/** Ids of the reminder notifications on screen. */
export async function reminders(page: Page): Promise<string[]> {
  const all = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }
    ).chrome.notifications.getAll(),
  );
  return Object.keys(all)
    .filter((id) => id.startsWith('action|'))
    .sort();
}

/** When the background last recomputed the storage projection (every tick does). */
export function computedAt(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const got = await (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, { computedAt?: number }>> } };
        };
      }
    ).chrome.storage.local.get('overlay');
    return got.overlay?.computedAt;
  });
}

/** What `seedCommsIncident` records: the title, the classification, posts by minutes after it. */
export interface CommsSeed {
  title: string;
  /** When it was declared and classified. */
  at: number;
  severity: 1 | 2 | 3 | 4;
  posts: [type: string, minutes: number][];
  resolvedAfter: number;
}

/**
 * A resolved incident for the communication reports, through the extension's own commands:
 * declared and classified (then both moved to `at`), its posts recorded at their minutes, resolved.
 */
export async function seedCommsIncident(page: Page, seed: CommsSeed): Promise<string> {
  const inc = await command<{ id: string }>(page, 'incidents/declare', {
    title: seed.title,
    components: ['Search'],
    publiclyVisible: true,
  });
  await command(page, 'incidents/classify', {
    id: inc.id,
    answers: { noUserCanAccessCore: false, dataIntegrityBreach: false },
    severity: seed.severity,
    overrideReason: 'Seeded for the test',
  });
  const events = await eventsOf(page, inc.id);
  for (const type of ['declared', 'classified']) {
    const e = events.find((x) => x.type === type);
    if (!e) throw new Error(`no ${type} event`);
    await command(page, 'incidents/editEvent', {
      id: inc.id,
      eventId: e.id,
      at: seed.at,
      reason: 'Seeded for the test',
    });
  }
  for (const [type, m] of seed.posts)
    await command(page, 'incidents/record', { id: inc.id, type, at: seed.at + m * MIN });
  await command(page, 'incidents/record', {
    id: inc.id,
    type: 'resolved',
    at: seed.at + seed.resolvedAfter * MIN,
  });
  return inc.id;
}
