/**
 * A fixed-window limit per key (a page's origin): at most `max` calls per `windowMs`. It lives in
 * the worker's memory, which is enough: a page that floods commands keeps the worker awake, and
 * the limit with it. A worker restart starts a new window, which a quiet page never notices.
 */
export interface RateLimiter {
  /** True when the call is allowed (and counted). */
  take(key: string, now: number): boolean;
}

export function rateLimiter(max: number, windowMs: number, maxKeys = 1_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        // Old windows go first, so a page cycling origins cannot grow the map without bound.
        if (!w && windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      if (w.count >= max) return false;
      w.count++;
      return true;
    },
  };
}

/** Commands a content script may send per page origin per minute: an agent clicks far fewer. */
export const CONTENT_COMMANDS_PER_MINUTE = 30;
