/**
 * One scheduler for every relative time on the page (STYLE #6): a single timeout that wakes at
 * the nearest moment any visible text changes, then reschedules. No timer at all while nothing
 * is subscribed or the page is hidden.
 */
export type Tick = (now: number) => number | undefined;

export interface TickerDeps {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface Ticker {
  /** Calls `tick` when `next` (epoch ms) arrives; `tick` returns the following time, if any. */
  set(key: object, tick: Tick, next: number | undefined): void;
  delete(key: object): void;
  /** Runs what is due, then plans the next wake-up. Called by the timer and on visibility. */
  run(): void;
  /** True while a timeout is pending (for tests and for "no timers while idle"). */
  readonly active: boolean;
}

/** Closures rather than a class, so that the minifier shortens every internal name. */
export function createTicker(d: TickerDeps, hidden: () => boolean = () => false): Ticker {
  const subs = new Map<object, [Tick, number]>();
  let timer: unknown;
  const put = (key: object, tick: Tick, next: number | undefined): void => {
    if (next === undefined) subs.delete(key);
    else subs.set(key, [tick, next]);
  };
  const plan = (): void => {
    let min = Infinity;
    for (const [, n] of subs.values()) min = Math.min(min, n);
    d.clearTimeout(timer);
    timer = undefined;
    // Cap the wait so a suspended laptop catches up within a minute of waking.
    if (min < Infinity && !hidden())
      timer = d.setTimeout(run, Math.min(Math.max(min - d.now(), 0), 60_000));
  };
  const run = (): void => {
    if (!hidden()) {
      const now = d.now();
      for (const [key, [tick, when]] of [...subs]) {
        if (when > now) continue;
        let n: number | undefined;
        try {
          n = tick(now);
        } catch {
          // a broken subscriber is dropped
        }
        put(key, tick, n);
      }
    }
    plan();
  };
  return {
    set(key, tick, next) {
      put(key, tick, next);
      plan();
    },
    delete(key) {
      subs.delete(key);
      plan();
    },
    run,
    get active() {
      return timer !== undefined;
    },
  };
}

let shared: Ticker | undefined;

/** The page's one ticker (created on first use, never at import). */
export function ticker(): Ticker {
  if (!shared) {
    shared = createTicker(
      // looked up on each call (not captured), so test clocks can replace them
      {
        now: () => Date.now(),
        setTimeout: (f, ms) => setTimeout(f, ms),
        clearTimeout: (id) => clearTimeout(id as number),
      },
      () => document.visibilityState == 'hidden',
    );
    document.addEventListener('visibilitychange', shared.run);
  }
  return shared;
}
