/**
 * The one feed client per page. However many widgets use a URL, it is fetched once per poll;
 * across tabs of an origin one tab (the holder of a Web Lock) fetches and the others listen on a
 * BroadcastChannel. It honours Cache-Control max-age, revalidates with ETag / Last-Modified,
 * backs off with full jitter (and Retry-After), times out after 10 s, sleeps while the page is
 * hidden and never lets an exception reach the host page. Everything it touches is injected.
 * Written as closures rather than a class so that the minifier can shorten every internal name.
 */
import { parseFeed } from '../../../src/core/feed';
import type { Feed } from '../../../src/core/types';

export interface FeedState {
  /** The last good feed; never wiped by a failure. */
  feed: Feed | null;
  /** When that feed was last confirmed (epoch ms). */
  asOf: number | null;
  /** True after repeated failures: show "as of …". */
  stale: boolean;
  /** The last problem kind, e.g. `http 500`, `timeout`, `invalid json`. */
  error: string | null;
}

export type Listener = (s: FeedState) => void;

/** What a BroadcastChannel offers; injected so tests can fake it. */
export interface Channel {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  close(): void;
}

export interface ClientDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  random(): number;
  hidden(): boolean;
  warn(...a: unknown[]): void;
  /** The page origin, to send conditional headers only where no CORS preflight results. */
  origin?: string;
  channel?: () => Channel | undefined;
  /** Calls `won` once this tab holds `name`; resolves the hold when `signal` aborts. */
  lock?: (name: string, won: () => void, signal: AbortSignal) => void;
}

export const TIMEOUT = 10_000;
export const MAX_BYTES = 1 << 20;
const CAP = 30 * 60_000;

interface Sub {
  every: number;
  cb: Listener;
}

interface Source {
  url: string;
  subs: Set<Sub>;
  state: FeedState;
  etag?: string | undefined;
  modified?: string | undefined;
  /** No request before this time (poll interval, max-age, back-off or Retry-After). */
  due: number;
  fails: number;
  leader: boolean;
  busy: boolean;
  timer?: unknown;
  stop: AbortController;
}

interface Msg {
  t: 'data' | 'hello' | 'need';
  u: string;
  s?: FeedState;
  e?: string | undefined;
  m?: string | undefined;
  d?: number;
}

/** A failed request: the kind of problem, and how long the server asked us to wait. */
interface Failure {
  kind: string;
  wait: number;
}
const fail = (kind: string, wait = 0): Failure => ({ kind, wait });

export interface FeedClient {
  /** Listens to `url`, polled every `every` seconds (15 at least). Returns the unsubscribe. */
  subscribe(url: string, every: number, cb: Listener): () => void;
  /** Page became visible (fetch what is stale) or came back online (fetch everything now). */
  wake(online?: boolean): void;
  /** Current state of a URL (for tests and late subscribers). */
  state(url: string): FeedState | undefined;
}

export function createFeedClient(d: ClientDeps): FeedClient {
  const sources = new Map<string, Source>();
  const warned = new Set<string>();
  let ch: Channel | undefined;

  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // A listener or a browser API threw: never let it reach the host page.
    }
  };

  const warn = (kind: string, ...detail: unknown[]): void => {
    if (warned.has(kind)) return;
    warned.add(kind);
    safe(() => d.warn(`[incident-widgets] ${kind}:`, ...detail));
  };

  const every = (s: Source): number => Math.min(...[...s.subs].map((x) => x.every));

  const emit = (s: Source): void => {
    for (const sub of s.subs) safe(() => sub.cb(s.state));
  };

  const snapshot = (s: Source): Msg => ({
    t: 'data',
    u: s.url,
    s: s.state,
    e: s.etag,
    m: s.modified,
    d: s.due,
  });

  const post = (m: Msg): void =>
    safe(() => {
      if (!ch) {
        ch = d.channel?.();
        if (ch) ch.onmessage = (e) => safe(() => receive(e.data as Msg));
      }
      ch?.postMessage(m);
    });

  const receive = (m: Msg): void => {
    const s = sources.get(m?.u);
    if (!s) return;
    if (m.t === 'hello' && s.leader && s.state.asOf !== null) post(snapshot(s));
    if (m.t === 'need' && s.leader && d.now() >= s.due) void poll(s);
    if (m.t === 'data' && m.s && (s.state.asOf ?? -1) <= (m.s.asOf ?? -1) && !s.busy) {
      const changed = m.s.asOf !== s.state.asOf || m.s.stale !== s.state.stale;
      s.state = m.s;
      s.etag = m.e;
      s.modified = m.m;
      s.due = m.d ?? s.due;
      if (changed) emit(s);
      plan(s);
    }
  };

  const plan = (s: Source): void => {
    d.clearTimeout(s.timer);
    s.timer = undefined;
    if (!s.subs.size || s.busy || d.hidden()) return;
    const wait = Math.max(0, s.due - d.now());
    if (s.leader) {
      s.timer = d.setTimeout(() => void poll(s), wait);
      return;
    }
    // A follower asks the leader when data is due, and fetches itself only if nobody answers
    // (the leader's tab froze or the browser has no Web Locks).
    const grace = Math.min(every(s) / 2, 30_000) + 2_000;
    s.timer = d.setTimeout(() => {
      post({ t: 'need', u: s.url });
      s.timer = d.setTimeout(() => void poll(s), grace);
    }, wait);
  };

  const poll = async (s: Source): Promise<void> => {
    if (s.busy || s.stop.signal.aborted) return;
    s.busy = true;
    const now = d.now();
    try {
      await request(s);
      s.fails = 0;
      s.state = { feed: s.state.feed, asOf: now, stale: false, error: null };
      s.due = Math.max(s.due, now + every(s));
    } catch (e) {
      const f = (e as Partial<Failure>)?.kind ? (e as Failure) : fail('error');
      warn(f.kind, s.url);
      s.fails++;
      const backoff = d.random() * Math.min(CAP, every(s) * 2 ** (s.fails - 1));
      s.due = now + Math.max(1000, backoff, f.wait);
      s.state = { ...s.state, stale: s.state.feed !== null && s.fails > 1, error: f.kind };
    }
    s.busy = false;
    if (s.stop.signal.aborted) return;
    post(snapshot(s));
    emit(s);
    plan(s);
  };

  /** One request; resolves with the source updated, or throws a Failure. */
  const request = async (s: Source): Promise<void> => {
    const ctrl = new AbortController();
    const stop = () => ctrl.abort();
    const lost = () => fail(ctrl.signal.aborted ? 'timeout' : 'network');
    s.stop.signal.addEventListener('abort', stop);
    const timer = d.setTimeout(stop, TIMEOUT);
    try {
      const headers: Record<string, string> = {};
      const same = d.origin !== undefined && new URL(s.url, d.origin).origin === d.origin;
      if (same && s.etag) headers['if-none-match'] = s.etag;
      if (same && s.modified) headers['if-modified-since'] = s.modified;
      let res: Response;
      try {
        res = await d.fetch(s.url, {
          headers,
          signal: ctrl.signal,
          // Same origin: our own conditional headers. Cross origin: let the HTTP cache revalidate.
          cache: same ? 'no-store' : 'no-cache',
        });
      } catch {
        throw lost();
      }
      const h = (n: string) => res.headers.get(n) ?? undefined;
      const age = /max-age=(\d+)/i.exec(h('cache-control') ?? '');
      if (age) s.due = d.now() + Math.max(0, +age[1]! - (Number(h('age')) || 0)) * 1000;
      if (res.status === 304 && s.state.feed) return;
      if (!res.ok) {
        const ra = h('retry-after');
        let wait = 0;
        if (ra && (res.status === 429 || res.status === 503)) {
          wait = /^\d+$/.test(ra) ? +ra * 1000 : Date.parse(ra) - d.now();
        }
        throw fail('http ' + res.status, wait || 0);
      }
      if (Number(h('content-length')) > MAX_BYTES) throw fail('too large');
      let text: string;
      try {
        text = await res.text();
      } catch {
        throw lost();
      }
      if (text.length > MAX_BYTES) throw fail('too large');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw fail('invalid json');
      }
      const r = parseFeed(json);
      if (r.kind === 'unknown') throw fail('not a status feed');
      if (r.problems.length) warn('feed problems', s.url, r.problems);
      s.state = { ...s.state, feed: r.feed };
      s.etag = h('etag');
      s.modified = h('last-modified');
    } finally {
      d.clearTimeout(timer);
      s.stop.signal.removeEventListener('abort', stop);
    }
  };

  return {
    subscribe(url, every, cb) {
      const sub: Sub = { every: Math.max(15, every || 60) * 1000, cb };
      let src = sources.get(url);
      if (!src) {
        const s: Source = {
          url,
          subs: new Set(),
          state: { feed: null, asOf: null, stale: false, error: null },
          due: d.now(),
          fails: 0,
          leader: !d.lock,
          busy: false,
          stop: new AbortController(),
        };
        sources.set(url, (src = s));
        safe(() =>
          d.lock?.(
            'incident-widgets ' + url,
            () => {
              s.leader = true;
              plan(s);
            },
            s.stop.signal,
          ),
        );
        post({ t: 'hello', u: url });
      }
      const s = src;
      s.subs.add(sub);
      if (s.state.asOf !== null) safe(() => cb(s.state));
      plan(s);
      return () => {
        const s = sources.get(url);
        if (!s?.subs.delete(sub) || s.subs.size) return;
        s.stop.abort();
        d.clearTimeout(s.timer);
        sources.delete(url);
        if (!sources.size) {
          ch?.close();
          ch = undefined;
        }
      };
    },
    wake(online = false) {
      for (const s of sources.values()) {
        // Back online: try at once (the back-off still grows if it fails again).
        if (online) s.due = Math.min(s.due, d.now());
        plan(s);
      }
    },
    state: (url) => sources.get(url)?.state,
  };
}

let shared: FeedClient | undefined;

/** The page's one client, created on first use (never at import, so SSR imports run nothing). */
export function feedClient(): FeedClient {
  if (shared) return shared;
  const w = window;
  const locks = w.navigator.locks;
  const c = createFeedClient({
    fetch: (u, i) => w.fetch(u, i),
    now: () => Date.now(),
    setTimeout: (f, ms) => w.setTimeout(f, ms),
    clearTimeout: (id) => w.clearTimeout(id as number),
    random: Math.random,
    hidden: () => document.visibilityState === 'hidden',
    warn: (...a) => console.warn(...a),
    origin: w.location.origin,
    channel: () => (w.BroadcastChannel ? new BroadcastChannel('incident-widgets') : undefined),
    lock: locks
      ? (name, won, signal) =>
          void locks
            .request(name, { signal }, () => {
              won();
              return new Promise((r) => signal.addEventListener('abort', r));
            })
            .catch(() => {})
      : undefined,
  });
  document.addEventListener('visibilitychange', () => c.wake());
  w.addEventListener('online', () => c.wake(true));
  return (shared = c);
}
