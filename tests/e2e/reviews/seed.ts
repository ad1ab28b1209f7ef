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
      // The incident's timeline chunks, in time order (db/chunks.ts).
      const q = db
        .transaction('timeline')
        .objectStore('timeline')
        .getAll(IDBKeyRange.bound([id], [id, []]));
      q.onsuccess = () =>
        ok(
          (q.result as { events: { id: string; type: string; at: number }[] }[]).flatMap(
            (c) => c.events,
          ),
        );
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
    // Impact began ten minutes before the declaration: the review measures from the start.
    startedAt: T - 10 * MIN,
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

const DAY = 86_400_000;
/** The end of a UTC calendar day, as the builder stores a picked due date ("by March 15"). */
const endOfDay = (isoDate: string) => Date.parse(`${isoDate}T23:59:59.999Z`);
/** `YYYY-MM-DD` of an instant in UTC. */
export const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** An action item as a responder enters it: `due` is a `YYYY-MM-DD` date. */
export interface SeedItem {
  id: string;
  description: string;
  owner: string;
  due: string;
}

/** The two action items of the finished review: one due yesterday (a miss), one due today. */
export function seedItems(now = Date.now()): SeedItem[] {
  return [
    {
      id: 'ai-pipeline',
      description: 'Add the migration step to the deploy pipeline',
      owner: 'Mehmet',
      due: isoDate(now),
    },
    {
      id: 'ai-monitoring',
      description: 'Improve monitoring',
      owner: 'Ana',
      due: isoDate(now - DAY),
    },
  ];
}

/**
 * The finished review of the seeded incident, written through the extension's own commands
 * (reviews/create, then reviews/save): the same content a responder types in the builder, so its
 * export is the text in expected.ts. Returns the review id.
 */
export async function seedFinishedReview(
  page: Page,
  incidentId: string,
  items: SeedItem[] = seedItems(),
): Promise<string> {
  type Review = {
    id: string;
    timeline: { validatedBy?: string }[];
    impact: Record<string, unknown>;
    [k: string]: unknown;
  };
  const created = await command<Review>(page, 'reviews/create', { incidentId });
  const review: Review = {
    ...created,
    participants: ['Ana', 'Mehmet'],
    summary: 'A schema migration broke checkout for all customers for 45 minutes.',
    timeline: created.timeline.map((e, i) => ({
      ...e,
      ...(i === 0 ? { validatedBy: 'Ana' } : i === 1 ? { validatedBy: 'Mehmet' } : {}),
    })),
    impact: {
      ...created.impact,
      customersAffected: 1200,
      accounts: [
        { name: 'Acme', arr: 120_000 },
        { name: 'Globex', arr: 80_000 },
      ],
    },
    whys: [
      'An engineer ran a schema migration against production by hand',
      'The runbook allowed manual migrations against production',
      'The deploy pipeline had no migration step',
      'Migrations were left out when the pipeline was built',
      'The pipeline template has no checklist for schema changes',
    ],
    rootCause: 'Schema changes could reach production without going through the pipeline.',
    mitigations: ['Rolled back the migration'],
    actionItems: items.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueAt: endOfDay(a.due),
      status: 'open',
      createdAt: 0, // set by the background
    })),
  };
  await command(page, 'reviews/save', { review });
  return created.id;
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
