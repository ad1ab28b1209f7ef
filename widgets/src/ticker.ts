/**
 * One scheduler for every relative time on the page (STYLE #6): a single timeout that wakes at
 * the nearest moment any shown text changes and re-renders the elements that are due (their
 * render subscribes again). No timer at all while nothing is subscribed or the page is hidden;
 * when the page shows again, what fell due meanwhile re-renders at once.
 */
interface Sub {
  requestUpdate(): void;
  isConnected?: boolean;
}

const subs = new Map<Sub, number>();
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Re-renders `el` once `next` (epoch ms) arrives; without `next`, or once `el` is detached (a
 * render that was pending when it was removed), forgets `el`.
 */
export function schedule(el: Sub, next?: number): void {
  if (next && el.isConnected !== false) subs.set(el, next);
  else subs.delete(el);
  // the same listener is added only once
  document.addEventListener('visibilitychange', run);
  run();
}

/** Re-renders what is due, then plans the next wake-up (capped, so a laptop waking from sleep catches up). */
function run(): void {
  const now = Date.now();
  let min = Infinity;
  if (!document.hidden)
    for (const [el, at] of subs)
      if (at > now) min = Math.min(min, at);
      else {
        subs.delete(el);
        el.requestUpdate();
      }
  // after the loop: a subscriber may have subscribed again (and planned) meanwhile
  clearTimeout(timer);
  if (min < Infinity) timer = setTimeout(run, Math.min(min - now, 60_000));
}
