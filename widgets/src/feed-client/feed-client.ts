/**
 * The feed client: an on-demand chunk of the standalone file (page-client.ts creates the page's
 * one client when a widget first needs to fetch; nothing here is needed for the first paint,
 * which renders the kept feed). It shares no module with the main file. However many widgets use a URL, it is fetched once per poll;
 * across tabs of an origin one visible tab (the holder of a Web Lock, held only while visible)
 * fetches and the others listen on a BroadcastChannel. It honours Cache-Control max-age, revalidates with ETag / Last-Modified,
 * backs off with full jitter (and Retry-After), times out after 10 s, sleeps while the page is
 * hidden and never lets an exception reach the host page. Everything it touches is injected.
 * The timing and size rules are the shared fetch policy (core/feed/fetch-policy.ts), the same the
 * extension's poller follows.
 */
import {
  FETCH_LIMITS,
  announcedTooLarge,
  bodyTooLarge,
  conditionalHeaders,
  decodeBody,
  freshForMs,
  nextAfterFailure,
  nextAfterSuccess,
  pollEveryMs,
  retryAfterMs,
  validatorsOf,
  type Validators,
} from '../../../src/core/feed/fetch-policy';
import { isUsableFeed } from '../../../src/core/feed/usable';
import type * as Formats from './formats';
import type { Feed, ParseResult } from '../../../src/core/types';

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
  /** The Statuspage parser (injected: page-client.ts loads it, also for pushed data). */
  parse: (json: unknown) => ParseResult;
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
  /**
   * `navigator.locks.request`: calls `held` once this tab holds `name` and releases it when what
   * `held` returns settles; rejects if `signal` aborts first. Throws where there are no Web Locks.
   */
  lock?: (name: string, o: { signal: AbortSignal }, held: () => unknown) => Promise<unknown>;
  /**
   * The last good feed of a URL, kept (page-client.ts) so that the next page load renders it at
   * first paint, before this client is even loaded: `keep` stores it with how long it stays
   * fresh, `kept` gives it back while it is.
   */
  keep?: (url: string, feed: Feed, asOf: number, freshMs: number) => void;
  kept?: (url: string) => FeedState | undefined;
  /** Loads the reader of the other formats (a dynamic import by default; tests inject one). */
  formats?: () => Promise<typeof Formats>;
}

/**
 * The keys of a Statuspage document. A body with any other key at the top may be another format
 * (incident.io's widget API also has `scheduled_maintenances`): the formats module decides.
 */
const STATUSPAGE_KEYS = ['page', 'status', 'components', 'incidents', 'scheduled_maintenances'];

/** No feed yet, no problem: the state before anything arrives (page-client.ts has its twin). */
export const EMPTY: FeedState = { feed: null, asOf: null, stale: false, error: null };
/** Cross-tab message about `url`: with a `state` it is data, without it a new tab's hello. */
interface Message {
  url: string;
  state?: FeedState;
  /** The validators for the next conditional request (same origin only). */
  validators?: Validators | undefined;
  /** No request before this time (epoch ms). */
  due?: number;
}

/** One URL: its state lives in the closure of `open`. */
interface Source {
  /** Adds a listener polling every `ms`; returns its removal. */
  add(cb: Listener, ms: number): () => void;
  /** A message from another tab. */
  receive(m: Message): void;
  /** The page became visible, or came back online. */
  wake(online?: boolean): void;
}

export interface FeedClient {
  /**
   * Listens to `url`, polled every `every` seconds (the fetch policy's default when absent; 15 at
   * least). Returns the unsubscribe.
   */
  subscribe(url: string, every: number | undefined, cb: Listener): () => void;
  /** Page became visible (fetch what is stale) or came back online (fetch everything now). */
  wake(online?: boolean): void;
}

export function createFeedClient(d: ClientDeps): FeedClient {
  const sources = new Map<string, Source>();
  const warned = new Set<string>();
  const formats = d.formats ?? (() => import('./formats'));
  let ch: Channel | undefined;

  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // A listener or a browser API threw: never let it reach the host page.
    }
  };

  /** One console warning per kind of problem and feed. */
  const warn = (kind: string, url: string, detail: unknown = ''): void => {
    if (warned.has(`${kind} ${url}`)) return;
    warned.add(`${kind} ${url}`);
    safe(() => d.warn(`[incident-widgets] ${kind}:`, url, detail));
  };

  const post = (m: Message): void =>
    safe(() => {
      // (the listener is set once, when the channel is opened)
      if (!ch && (ch = d.channel?.()))
        ch.onmessage = (e) =>
          safe(() => sources.get((e.data as Message)?.url)?.receive(e.data as Message));
      ch?.postMessage(m);
    });

  const open = (url: string): Source => {
    const subs = new Map<Listener, number>();
    // Conditional headers only where they cause no CORS preflight (url is an absolute href).
    const same = url.startsWith(d.origin + '/');
    // The feed kept by an earlier page, while still fresh: listeners get it at once (the first
    // poll still happens now).
    let state = d.kept?.(url) ?? EMPTY;
    /** ETag / Last-Modified of the last good response (same origin only). */
    let validators: Validators | undefined;
    /** No request before this time (poll interval, max-age, back-off or Retry-After). */
    let due = d.now();
    let fails = 0;
    /** Set while this tab polls (it holds the lock, or there are no Web Locks): the release. */
    let leader: (() => void) | undefined;
    /** The lock request, from when the page shows until it hides or closes. */
    let asked: AbortController | undefined;
    let busy = false;
    let timer: unknown;
    /** The request in flight (aborted when the source closes). */
    let live: AbortController | undefined;
    /** How long the server asked us to wait (Retry-After), for the current failure. */
    let wait: number | undefined;
    /** How long the last response stays fresh (Cache-Control max-age minus Age). */
    let fresh: number | undefined;

    const every = (): number => Math.min(...subs.values());
    const emit = (): void => {
      for (const cb of subs.keys()) cb(state);
    };
    const share = (): void => post({ url, state, validators, due });

    /** Hidden or closed: do not lead. */
    const away = (): boolean => d.hidden() || !subs.size;
    const lead = (release: () => void): void => {
      leader = release;
      plan();
    };

    /**
     * Leads only while visible and listened to, so the leader is a visible tab whenever there is
     * one and hidden tabs only listen. A request in flight keeps the lock until it is shared.
     */
    const plan = (): void => {
      if (busy) return; // the poll plans when it ends
      d.clearTimeout(timer);
      if (away()) {
        // Hidden tabs neither hold the lock nor wait for it (a frozen tab could not pass it on).
        asked?.abort();
        leader?.();
        leader = asked = undefined;
      } else if (!asked) {
        const { signal } = (asked = new AbortController());
        // A grant that raced the abort leads only until `lead` plans. No Web Locks, or a failed
        // request (an opaque origin, say): this tab fetches for itself.
        (async () =>
          d.lock!('incident-widgets ' + url, { signal }, () => new Promise<void>(lead)))().catch(
          () => signal.aborted || lead(() => {}),
        );
      }
      // `due` is shared, so a new leader does not repeat what another tab fetched.
      if (leader) timer = d.setTimeout(poll, due - d.now());
    };

    const poll = async (): Promise<void> => {
      busy = true;
      const now = d.now();
      wait = fresh = undefined;
      const ctrl = (live = new AbortController());
      const t = d.setTimeout(() => ctrl.abort(), FETCH_LIMITS.timeoutMs);
      const kind = await request(ctrl.signal).catch(() => 'error');
      d.clearTimeout(t);
      if (kind) {
        warn(kind, url);
        fails++;
        due = nextAfterFailure(now, fails, every(), d.random, wait);
        state = { ...state, stale: !!state.feed && fails > 1, error: kind };
      } else {
        fails = 0;
        state = { ...EMPTY, feed: state.feed, asOf: now };
        due = nextAfterSuccess(now, every(), fresh);
        // kept for the next page load, as long as it stays fresh (max-age, or the poll interval)
        safe(() => d.keep?.(url, state.feed!, now, Math.max(fresh ?? 0, every())));
      }
      busy = false;
      // Closed meanwhile (the last listener left): nothing to tell anyone, but release the lock.
      if (subs.size) {
        share();
        emit();
      }
      plan();
    };

    /** One request: undefined when the state was updated, else the kind of problem. */
    const request = async (signal: AbortSignal): Promise<string | undefined> => {
      let res: Response;
      let text: string;
      const header = (name: string) => res.headers.get(name);
      try {
        res = await d.fetch(url, {
          headers: conditionalHeaders(validators),
          signal,
          // Same origin: our own conditional headers. Cross origin: let the HTTP cache revalidate.
          cache: same ? 'no-store' : 'no-cache',
        });
        fresh = freshForMs(header);
        if (res.status === 304 && state.feed) return;
        if (!res.ok) {
          wait = retryAfterMs(res.status, header, d.now());
          return `http ${res.status}`;
        }
        if (announcedTooLarge(header)) return 'too large';
        // (`text()` would decode UTF-8 whatever the feed declares)
        text = decodeBody(new Uint8Array(await res.arrayBuffer()), header('content-type'));
        if (bodyTooLarge(text)) return 'too large';
      } catch {
        // A cross-origin feed without Access-Control-Allow-Origin fails here too, unreadable to
        // script: the warning names the helper (README: "Feeds without CORS").
        return signal.aborted
          ? 'timeout'
          : same
            ? 'network'
            : 'network or no CORS (see the server helper)';
      }
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // XML (Atom, RSS) stays text
      }
      // Statuspage, the usual case, is read here (by the injected parser); anything else by the formats module, on demand.
      const plain =
        json !== text && Object.keys(Object(json)).every((k) => STATUSPAGE_KEYS.includes(k));
      let r: Pick<ParseResult, 'feed' | 'problems'> | undefined = d.parse(json);
      if (!plain || !isUsableFeed(r as ParseResult)) {
        const { readAnyFeed } = await formats();
        // (its problems have the parser's shape, plus XML and format codes of its own)
        r = readAnyFeed(json, url) as typeof r;
      }
      if (!r) {
        // (an HTML error page served with 200 is the usual reason)
        const kind =
          json !== text
            ? 'not a status feed'
            : /^\s*</.test(text)
              ? 'html, not json'
              : 'invalid json';
        warn(kind, url);
        return kind;
      }
      // (the first problem of each kind: its path and what was there; a cap says what it dropped,
      // in words from the formats module: rare, so not in the bundle)
      for (const p of r.problems) {
        // (a module that fails to load leaves the problem as it is)
        const words = p.code === 'items' && (await formats().catch(() => undefined));
        warn(`feed problem ${p.code}`, url, words ? `${p.path}: ${words.describeCap(p)}` : p);
      }
      state = { ...state, feed: r.feed };
      validators = same ? validatorsOf(header) : undefined;
    };

    post({ url });
    return {
      add(cb, ms) {
        const sub: Listener = (s) => safe(() => cb(s));
        subs.set(sub, ms);
        if (state.asOf) sub(state);
        plan();
        return () => {
          if (!subs.delete(sub) || subs.size) return;
          plan(); // no listener left: clears the timer and releases the lock
          live?.abort();
          sources.delete(url);
          if (!sources.size) {
            ch?.close();
            ch = undefined;
          }
        };
      },
      receive(m) {
        // A hello: the leader shares what it has at once.
        if (!m.state) {
          if (leader && state.asOf) share();
        } else if (!(state.asOf! > m.state.asOf!) && !busy) {
          const changed = m.state.asOf !== state.asOf || m.state.stale !== state.stale;
          state = m.state;
          validators = m.validators;
          due = m.due!;
          if (changed) emit();
          plan();
        }
      },
      wake(online) {
        // Back online: try at once (the back-off still grows if it fails again), unless the
        // server asked us to wait (Retry-After).
        if (online && !wait) due = Math.min(due, d.now());
        plan();
      },
    };
  };

  return {
    subscribe(url, every, cb) {
      let s = sources.get(url);
      if (!s) sources.set(url, (s = open(url)));
      return s.add(cb, pollEveryMs(every));
    },
    wake(online) {
      for (const s of sources.values()) s.wake(online);
    },
  };
}

/**
 * The page's one client, on the browser's own APIs: page-client.ts loads this chunk and calls it
 * once, passing the parser (its own on-demand file) and the main file's kept-feed reader. The kept feed's
 * storage key and shape are page-client.ts's (this chunk shares no module with the main file).
 */
export function pageClient(parse: ClientDeps['parse'], kept: ClientDeps['kept']): FeedClient {
  const c = createFeedClient({
    parse,
    fetch: (u, i) => fetch(u, i),
    now: () => Date.now(),
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (id) => clearTimeout(id as number),
    random: Math.random,
    hidden: () => document.hidden,
    warn: (...a) => console.warn(...a),
    origin: location.origin,
    // Throws where there is no BroadcastChannel: the client then works without one.
    channel: () => new BroadcastChannel('incident-widgets'),
    // Throws where there is no Web Locks: the client then fetches for itself.
    lock: (name, o, held) => navigator.locks.request(name, o, held),
    // (throws without storage: the client catches it, and the next load fetches first)
    keep: (url, feed, asOf, freshMs) =>
      localStorage.setItem(
        'incident-widgets ' + url,
        JSON.stringify({ feed, asOf, until: asOf + freshMs }),
      ),
    kept,
  });
  document.addEventListener('visibilitychange', () => c.wake());
  addEventListener('online', () => c.wake(true));
  return c;
}
