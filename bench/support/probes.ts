/**
 * Init scripts run in a page before any of its own scripts (Playwright `addInitScript`), as
 * functions so they are type-checked. They only observe: counters live on `window.__bench`.
 */
export interface Probe {
  /** performance.now() of the first frame (rAF) after `marker` appeared in a shadow root. */
  painted: number | null;
  /** When the marker text was first seen in a shadow root (before that frame). */
  inDom: number | null;
  longTasks: number;
  longTaskMs: number;
  /** Timer and frame callbacks run: setTimeout, setInterval, requestAnimationFrame, requestIdleCallback. */
  wakeUps: number;
}

/** Installs the probe: a MutationObserver on every shadow root, long tasks, wake-up counting. */
export function installProbe(marker: string): void {
  const w = window as unknown as Window & { __bench: Probe; __hide(): void };
  const b: Probe = { painted: null, inDom: null, longTasks: 0, longTaskMs: 0, wakeUps: 0 };
  w.__bench = b;
  const raf = w.requestAnimationFrame.bind(w);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    const seen = () => {
      if (b.inDom !== null || !root.textContent?.includes(marker)) return;
      b.inDom = performance.now();
      raf(() => void (b.painted = performance.now()));
    };
    new MutationObserver(seen).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    return root;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        b.longTasks++;
        b.longTaskMs += e.duration;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task API: the counters stay at 0
  }
  // Count every timer / frame callback the page's scripts run (the probe's own rAF above is not
  // wrapped: it was bound before).
  const wrap = <F extends (...a: never[]) => unknown>(name: string) => {
    const rec = w as unknown as Record<string, F>;
    const orig = rec[name]!;
    rec[name] = function (this: unknown, fn: unknown, ...rest: unknown[]) {
      const cb =
        typeof fn === 'function'
          ? function (this: unknown, ...a: unknown[]) {
              b.wakeUps++;
              return (fn as (...x: unknown[]) => unknown).apply(this, a);
            }
          : fn;
      return (orig as unknown as (...x: unknown[]) => unknown).call(w, cb, ...rest);
    } as unknown as F;
  };
  for (const n of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback'])
    wrap(n);
  // Simulated hidden tab: headless Chromium keeps every page visible, so override the
  // Page Visibility API (what the widgets read) and fire visibilitychange as a real tab switch does.
  w.__hide = () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  };
}
