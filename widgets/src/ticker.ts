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

export class Ticker {
  private subs = new Map<object, Tick>();
  private next = new Map<object, number>();
  private timer: unknown;
  private at = Infinity;

  constructor(
    private d: TickerDeps,
    private hidden: () => boolean = () => false,
  ) {}

  /** Calls `tick` when its own `next` time arrives; `tick` returns the following one. */
  set(key: object, tick: Tick, next: number | undefined): void {
    this.subs.set(key, tick);
    if (next === undefined) this.next.delete(key);
    else this.next.set(key, next);
    this.plan();
  }

  delete(key: object): void {
    this.subs.delete(key);
    this.next.delete(key);
    this.plan();
  }

  /** Runs what is due, then plans the next wake-up. Called by the timer and on visibility. */
  run = (): void => {
    this.d.clearTimeout(this.timer);
    this.timer = undefined;
    this.at = Infinity;
    if (this.hidden()) return;
    const now = this.d.now();
    for (const [key, when] of [...this.next]) {
      if (when > now) continue;
      let n: number | undefined;
      try {
        n = this.subs.get(key)?.(now);
      } catch {
        n = undefined;
      }
      if (n === undefined) this.next.delete(key);
      else this.next.set(key, n);
    }
    this.plan();
  };

  /** True while a timeout is pending (for tests and for "no timers while idle"). */
  get active(): boolean {
    return this.timer !== undefined;
  }

  private plan(): void {
    let min = Infinity;
    for (const n of this.next.values()) min = Math.min(min, n);
    if (min === this.at && this.timer !== undefined) return;
    if (this.timer !== undefined) this.d.clearTimeout(this.timer);
    this.timer = undefined;
    this.at = min;
    if (min === Infinity || this.hidden()) return;
    // Cap the wait so a suspended laptop catches up within a minute of waking.
    this.timer = this.d.setTimeout(this.run, Math.min(Math.max(min - this.d.now(), 0), 60_000));
  }
}

let shared: Ticker | undefined;

/** The page's one ticker (created on first use, never at import). */
export function ticker(): Ticker {
  if (!shared) {
    const t = new Ticker(
      {
        now: () => Date.now(),
        setTimeout: (f, ms) => setTimeout(f, ms),
        clearTimeout: (id) => clearTimeout(id as number),
      },
      () => document.visibilityState === 'hidden',
    );
    document.addEventListener('visibilitychange', t.run);
    shared = t;
  }
  return shared;
}
