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

/** No feed yet, no problem: the state before anything arrives. */
export const EMPTY: FeedState = { feed: null, asOf: null, stale: false, error: null };
export const TIMEOUT = 10_000;
export const MAX_BYTES = 1 << 20;
const CAP = 30 * 60_000;

/** Cross-tab message: `hello` (a tab opened `u`), `need` (a follower wants fresh data), `data`. */
interface Msg {
  t: 'data' | 'hello' | 'need';
  u: string;
  s?: FeedState;
  e?: string | undefined;
  m?: string | undefined;
  d?: number;
}

/**
 * One URL. Its state lives in the closure of `open` (so every name minifies); only these
 * one-letter members are seen from outside: listeners → interval (l), plan (p), current
 * state (g), receive a message (r), page woke (w), close (c).
 */
interface Source {
  l: Map<Listener, number>;
  p(): void;
  g(): FeedState;
  r(m: Msg): void;
  w(online: boolean): void;
  c(): void;
}

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

  const post = (m: Msg): void =>
    safe(() => {
      if (!ch) {
        ch = d.channel?.();
        if (ch) ch.onmessage = (e) => safe(() => sources.get((e.data as Msg)?.u)?.r(e.data as Msg));
      }
      ch?.postMessage(m);
    });

  const open = (url: string): Source => {
    const subs = new Map<Listener, number>();
    const stop = new AbortController();
    let state = EMPTY;
    let etag: string | undefined;
    let modified: string | undefined;
    /** No request before this time (poll interval, max-age, back-off or Retry-After). */
    let due = d.now();
    let fails = 0;
    let leader = !d.lock;
    let busy = false;
    let timer: unknown;
    /** How long the server asked us to wait (Retry-After), for the current failure. */
    let wait = 0;

    const every = (): number => Math.min(...subs.values());
    const emit = (): void => {
      for (const cb of subs.keys()) safe(() => cb(state));
    };
    const share = (): void => post({ t: 'data', u: url, s: state, e: etag, m: modified, d: due });

    const plan = (): void => {
      d.clearTimeout(timer);
      timer = undefined;
      if (!subs.size || busy || d.hidden()) return;
      const delay = Math.max(0, due - d.now());
      // A follower asks the leader when data is due, and fetches itself only if nobody answers
      // (the leader's tab froze or the browser has no Web Locks).
      timer = leader
        ? d.setTimeout(poll, delay)
        : d.setTimeout(() => {
            post({ t: 'need', u: url });
            timer = d.setTimeout(poll, Math.min(every() / 2, 30_000) + 2_000);
          }, delay);
    };

    const poll = async (): Promise<void> => {
      if (busy || stop.signal.aborted) return;
      busy = true;
      const now = d.now();
      let kind: string | undefined;
      wait = 0;
      try {
        kind = await request();
      } catch {
        kind = 'error';
      }
      if (kind) {
        warn(kind, url);
        fails++;
        const backoff = d.random() * Math.min(CAP, every() * 2 ** (fails - 1));
        due = now + Math.max(1000, backoff, wait || 0);
        state = { ...state, stale: state.feed !== null && fails > 1, error: kind };
      } else {
        fails = 0;
        state = { ...EMPTY, feed: state.feed, asOf: now };
        due = Math.max(due, now + every());
      }
      busy = false;
      if (stop.signal.aborted) return;
      share();
      emit();
      plan();
    };

    /** One request: undefined when the state was updated, else the kind of problem. */
    const request = async (): Promise<string | undefined> => {
      const ctrl = new AbortController();
      const abort = () => ctrl.abort();
      const lost = () => (ctrl.signal.aborted ? 'timeout' : 'network');
      stop.signal.addEventListener('abort', abort);
      const t = d.setTimeout(abort, TIMEOUT);
      try {
        const headers: Record<string, string> = {};
        const same = d.origin !== undefined && new URL(url, d.origin).origin === d.origin;
        if (same && etag) headers['if-none-match'] = etag;
        if (same && modified) headers['if-modified-since'] = modified;
        let res: Response;
        let text: string;
        try {
          res = await d.fetch(url, {
            headers,
            signal: ctrl.signal,
            // Same origin: our own conditional headers. Cross origin: let the HTTP cache revalidate.
            cache: same ? 'no-store' : 'no-cache',
          });
        } catch {
          return lost();
        }
        const h = (n: string) => res.headers.get(n) ?? undefined;
        const age = /max-age=(\d+)/i.exec(h('cache-control') ?? '');
        if (age) due = d.now() + Math.max(0, +age[1]! - (Number(h('age')) || 0)) * 1000;
        const status = res.status;
        if (status == 304 && state.feed) return;
        if (!res.ok) {
          const ra = h('retry-after');
          if (ra && (status == 429 || status == 503))
            wait = /^\d+$/.test(ra) ? +ra * 1000 : Date.parse(ra) - d.now();
          return 'http ' + status;
        }
        try {
          text = await res.text();
        } catch {
          return lost();
        }
        if (text.length > MAX_BYTES) return 'too large';
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return 'invalid json';
        }
        const r = parseFeed(json);
        if (r.kind == 'unknown') return 'not a status feed';
        if (r.problems.length) warn('feed problems', url, r.problems);
        state = { ...state, feed: r.feed };
        etag = h('etag');
        modified = h('last-modified');
      } finally {
        d.clearTimeout(t);
        stop.signal.removeEventListener('abort', abort);
      }
    };

    safe(() =>
      d.lock?.(
        'incident-widgets ' + url,
        () => {
          leader = true;
          plan();
        },
        stop.signal,
      ),
    );
    post({ t: 'hello', u: url });
    return {
      l: subs,
      p: plan,
      g: () => state,
      r(m) {
        if (m.t == 'hello' && leader && state.asOf !== null) share();
        if (m.t == 'need' && leader && d.now() >= due) void poll();
        if (m.t == 'data' && m.s && (state.asOf ?? -1) <= (m.s.asOf ?? -1) && !busy) {
          const changed = m.s.asOf !== state.asOf || m.s.stale !== state.stale;
          state = m.s;
          etag = m.e;
          modified = m.m;
          due = m.d ?? due;
          if (changed) emit();
          plan();
        }
      },
      w(online) {
        // Back online: try at once (the back-off still grows if it fails again).
        if (online) due = Math.min(due, d.now());
        plan();
      },
      c() {
        stop.abort();
        d.clearTimeout(timer);
      },
    };
  };

  return {
    subscribe(url, every, cb) {
      const sub: Listener = (s) => cb(s);
      let s = sources.get(url);
      if (!s) sources.set(url, (s = open(url)));
      s.l.set(sub, Math.max(15, every || 60) * 1000);
      const now = s.g();
      if (now.asOf !== null) safe(() => cb(now));
      s.p();
      return () => {
        const s = sources.get(url);
        if (!s?.l.delete(sub) || s.l.size) return;
        s.c();
        sources.delete(url);
        if (!sources.size) {
          ch?.close();
          ch = undefined;
        }
      };
    },
    wake(online = false) {
      for (const s of sources.values()) s.w(online);
    },
    state: (url) => sources.get(url)?.g(),
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
