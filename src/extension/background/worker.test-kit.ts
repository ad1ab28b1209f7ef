/**
 * The one test kit of the service worker (unit tests only): a recording Platform, a scripted fetch,
 * a settable clock and Deps over a fresh fake-indexeddb database. Every handler test (the worker
 * shell's and each feature's `background/`) builds on it. Import 'fake-indexeddb/auto' first.
 */
import { openLensDB, type LensDatabase } from '../db/open';
import type { SourceRecord } from '../db/schema';
import type { OverlayState } from '../messaging/overlay-state';
import type { Badge, Deps, Platform } from './deps';

export const T0 = Date.UTC(2025, 0, 6, 9, 0);
export const MIN = 60_000;

/** A Platform that records what the background did to the browser. */
export class FakePlatform implements Platform {
  registered = new Set<string>();
  granted = new Set<string>();
  removed: string[] = [];
  badge: Badge | undefined;
  overlay: OverlayState | undefined;
  notifications: { id: string; title: string; message: string }[] = [];
  tabMessages: unknown[] = [];
  async registerOverlay(p: string) {
    this.registered.add(p);
  }
  async unregisterOverlay(p: string) {
    this.registered.delete(p);
  }
  /** Patterns whose open tabs got the overlay (+) or lost it (-), in order. */
  inTabs: string[] = [];
  async showOverlayIn(p: string) {
    this.inTabs.push(`+${p}`);
  }
  async hideOverlayIn(p: string) {
    this.inTabs.push(`-${p}`);
  }
  async registeredOverlays() {
    return [...this.registered];
  }
  async hasOrigin(p: string) {
    return this.granted.has(p);
  }
  async removeOrigin(p: string) {
    this.removed.push(p);
    this.granted.delete(p);
  }
  async setBadge(b: Badge) {
    this.badge = b;
  }
  async notify(id: string, n: { title: string; message: string }) {
    this.notifications.push({ id, ...n });
  }
  async readOverlay() {
    return this.overlay ?? null;
  }
  async writeOverlay(s: OverlayState) {
    this.overlay = s;
  }
  async sendToActiveTab(m: unknown) {
    this.tabMessages.push(m);
  }
  local: Record<string, unknown> = {};
  async getLocal(key: string) {
    return this.local[key];
  }
  async setLocal(items: Record<string, unknown>) {
    Object.assign(this.local, items);
  }
  pageMessages: unknown[] = [];
  async toPages(m: unknown) {
    this.pageMessages.push(m);
  }
  /** What `storage.managed` holds (the organisation's policy). */
  managed: unknown = {};
  async managedStorage() {
    return this.managed;
  }
}

export type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A reply to queue: a JSON body with a status (and headers). */
export interface QueuedReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A fetch that records every request and answers from the queued `replies` first (one each, in
 * order), then from the replaceable `respond` function.
 */
export class FakeFetch {
  calls: { url: string; init: RequestInit; headers: Record<string, string> }[] = [];
  replies: QueuedReply[] = [];
  constructor(public respond: Responder = () => new Response('{}')) {}
  fetch: typeof fetch = async (input, init = {}) => {
    const url = String(input);
    this.calls.push({ url, init, headers: { ...(init.headers as Record<string, string>) } });
    const queued = this.replies.shift();
    if (queued) {
      return new Response(JSON.stringify(queued.body), {
        status: queued.status,
        headers: queued.headers ?? {},
      });
    }
    return this.respond(url, init);
  };
}

let dbCounter = 0;

/** A unique database name per test. */
export const freshName = (): string =>
  `lens-test-${++dbCounter}-${Math.random().toString(36).slice(2)}`;

export interface Kit {
  deps: Deps;
  db: LensDatabase;
  name: string;
  platform: FakePlatform;
  net: FakeFetch;
  clock: { now: number };
  /** Simulates a worker restart: a new connection and new Deps over the same database. */
  restart(): Promise<Kit>;
}

/** Deps over a fresh (or the named) database, with fakes everywhere. */
export async function makeKit(
  name = freshName(),
  shared?: Partial<Pick<Kit, 'platform' | 'net' | 'clock'>>,
): Promise<Kit> {
  const db = await openLensDB(name);
  const platform = shared?.platform ?? new FakePlatform();
  const net = shared?.net ?? new FakeFetch();
  const clock = shared?.clock ?? { now: T0 };
  let ids = 0;
  const deps: Deps = {
    db: async () => db,
    now: () => clock.now,
    random: () => 0.5,
    newId: () => `id-${++ids}-${Math.random().toString(36).slice(2, 8)}`,
    fetch: net.fetch,
    platform,
  };
  const kit: Kit = {
    deps,
    db,
    name,
    platform,
    net,
    clock,
    async restart() {
      db.close();
      return makeKit(name, { platform, net, clock });
    },
  };
  return kit;
}

/** A Statuspage v2 incident as the API serves it. */
export function spIncident(
  id: string,
  over: {
    status?: string;
    impact?: string;
    createdAt?: number;
    updates?: { id: string; at: number; body?: string }[];
  } = {},
): Record<string, unknown> {
  const createdAt = over.createdAt ?? T0;
  const iso = (t: number) => new Date(t).toISOString();
  return {
    id,
    name: `Incident ${id}`,
    status: over.status ?? 'investigating',
    impact: over.impact ?? 'major',
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
    started_at: iso(createdAt),
    shortlink: `https://stspg.io/${id}`,
    page_id: 'page1',
    components: [{ id: 'c1', name: 'API', status: 'major_outage' }],
    incident_updates: (over.updates ?? [{ id: `${id}-u1`, at: createdAt }]).map((u) => ({
      id: u.id,
      status: over.status ?? 'investigating',
      body: u.body ?? `We are investigating (${u.id}).`,
      created_at: iso(u.at),
      display_at: iso(u.at),
      updated_at: iso(u.at),
      affected_components: [],
    })),
  };
}

/** A summary.json with these incidents. */
export function spSummary(incidents: Record<string, unknown>[]): Record<string, unknown> {
  return {
    page: {
      id: 'page1',
      name: 'Acme',
      url: 'https://status.acme.test',
      time_zone: 'Etc/UTC',
      updated_at: new Date(T0).toISOString(),
    },
    status: { indicator: incidents.length ? 'major' : 'none', description: 'Partial outage' },
    components: [
      { id: 'c1', name: 'API', status: 'major_outage', group_id: null, group: false, position: 1 },
    ],
    incidents,
    scheduled_maintenances: [],
  };
}

/** A JSON response. */
export const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });

/** A source due at T0: Acme's Statuspage summary, polled every minute; `over` changes any field. */
export const sampleSource = (over: Partial<SourceRecord> = {}): SourceRecord => ({
  id: 's1',
  name: 'Acme',
  url: 'https://status.acme.test/api/v2/summary.json',
  pollSeconds: 60,
  enabled: true,
  createdAt: T0,
  failures: 0,
  nextPollAt: T0,
  ...over,
});

/** Stores `sampleSource(over)` in the kit's database and returns it. */
export async function withSource(
  kit: Kit,
  over: Partial<SourceRecord> = {},
): Promise<SourceRecord> {
  const s = sampleSource(over);
  await kit.db.put('sources', s);
  return s;
}
