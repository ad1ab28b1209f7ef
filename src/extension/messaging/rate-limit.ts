/**
 * A fixed-window limit per key (a page's origin): at most `max` calls per `windowMs`.
 *
 * The windows are kept in a store that outlives the worker (`storage.session` in the browser):
 * Chrome stops an idle worker after 30 s, and a page that paused just long enough would otherwise
 * get a fresh window on every wake (issue 16, item 15). The counts are read once per worker life
 * and written after every counted call, so the limit costs one storage write per allowed command.
 */
export interface RateLimiter {
  /** True when the call is allowed (and counted). */
  take(key: string, now: number): Promise<boolean>;
}

type Windows = Record<string, { start: number; count: number }>;

/** Where the windows live between worker lives. */
export interface RateLimitStore {
  load(): Promise<Windows | undefined>;
  save(windows: Windows): Promise<void>;
}

/** A store in memory only (unit tests, and a browser without `storage.session`). */
export function memoryStore(): RateLimitStore {
  let saved: Windows | undefined;
  return {
    load: async () => (saved ? structuredClone(saved) : undefined),
    save: async (w) => void (saved = structuredClone(w)),
  };
}

export function rateLimiter(
  max: number,
  windowMs: number,
  store: RateLimitStore = memoryStore(),
  maxKeys = 1_000,
): RateLimiter {
  // Loaded once; every take() waits for the same read, then counts synchronously, so concurrent
  // messages of one page cannot each see the count before the others.
  let windows: Promise<Map<string, { start: number; count: number }>> | undefined;
  let writing = Promise.resolve();
  const load = () =>
    (windows ??= store.load().then(
      (w) => new Map(Object.entries(w ?? {}).filter(([, v]) => isWindow(v))),
      () => new Map(),
    ));
  return {
    async take(key, now) {
      const map = await load();
      let w = map.get(key);
      // A window that starts in the future (the clock went back) is over too.
      if (!w || now - w.start >= windowMs || w.start > now) {
        // Old windows go first, so a page cycling origins cannot grow the map without bound.
        if (!w && map.size >= maxKeys) {
          for (const [k, v] of map) if (now - v.start >= windowMs) map.delete(k);
          if (map.size >= maxKeys) map.delete(map.keys().next().value);
        }
        w = { start: now, count: 0 };
        map.set(key, w);
      }
      if (w.count >= max) return false;
      w.count++;
      const snapshot = Object.fromEntries(map);
      // Writes are chained so an older snapshot never lands after a newer one.
      writing = writing.then(() => store.save(snapshot)).catch(() => undefined);
      await writing;
      return true;
    },
  };
}

function isWindow(v: unknown): v is { start: number; count: number } {
  const w = v as { start?: unknown; count?: unknown } | null;
  return (
    typeof w === 'object' &&
    w !== null &&
    Number.isFinite(w.start) &&
    Number.isInteger(w.count) &&
    (w.count as number) >= 0
  );
}

/** Commands a content script may send per page origin per minute: an agent clicks far fewer. */
export const CONTENT_COMMANDS_PER_MINUTE = 30;
