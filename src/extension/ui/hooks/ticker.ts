/**
 * The one scheduler behind every countdown (docs/style.md #6). Components subscribe while a countdown
 * is visible; a single 1 s interval runs only while there is at least one subscriber and the
 * document is visible, and stops the moment either is no longer true.
 */
export type Tick = (now: number) => void;

export interface Ticker {
  /** Calls `fn` with the current time now and once a second; the returned function unsubscribes. */
  subscribe(fn: Tick): () => void;
  /** True while the interval is running (for tests). */
  readonly running: boolean;
}

export interface TickerEnv {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Whether the page is visible; hidden pages do not tick. */
  visible(): boolean;
  /** Registers a visibility listener; returns its removal. */
  onVisibility(fn: () => void): () => void;
}

/** Creates a ticker over an environment (the browser's by default). */
export function createTicker(env: TickerEnv = browserEnv()): Ticker {
  const subs = new Set<Tick>();
  let handle: unknown = null;
  let offVisibility: (() => void) | null = null;

  const fire = () => {
    const now = env.now();
    for (const fn of [...subs]) fn(now);
  };
  const sync = (catchUp: boolean) => {
    const want = subs.size > 0 && env.visible();
    if (want && handle === null) {
      handle = env.setInterval(fire, 1000);
      // A page coming back into view shows the right time at once, not a second later.
      if (catchUp) fire();
    } else if (!want && handle !== null) {
      env.clearInterval(handle);
      handle = null;
    }
  };

  return {
    subscribe(fn) {
      subs.add(fn);
      offVisibility ??= env.onVisibility(() => sync(true));
      fn(env.now());
      sync(false);
      return () => {
        subs.delete(fn);
        sync(false);
        if (subs.size === 0 && offVisibility) {
          offVisibility();
          offVisibility = null;
        }
      };
    },
    get running() {
      return handle !== null;
    },
  };
}

function browserEnv(): TickerEnv {
  return {
    now: () => Date.now(),
    setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
    clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
    visible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
    onVisibility(fn) {
      if (typeof document === 'undefined') return () => undefined;
      document.addEventListener('visibilitychange', fn);
      return () => document.removeEventListener('visibilitychange', fn);
    },
  };
}

/** The shared ticker of this JS realm (one per page, popup or options tab). */
export const ticker: Ticker = createTicker();
