/**
 * Runs `fn` once the page has loaded and the main thread is idle (at most `timeoutMs` after load),
 * so the overlay's work never competes with the host page's own start-up.
 */
export function whenPageSettled(fn: () => void, timeoutMs = 1_000): void {
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: timeoutMs });
    else setTimeout(fn, 0);
  };
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
