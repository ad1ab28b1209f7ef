/**
 * Runs `fn` once the page has loaded and the main thread is idle (at most `timeoutMs` after load),
 * so the overlay's work never competes with the host page's own start-up. A page that never
 * finishes loading (an image or a long poll held open) gets it `maxWaitMs` after this call anyway:
 * the content script is injected at document_idle, after the DOM is parsed, so the agent is not left
 * without the overlay on a helpdesk whose `load` never comes.
 *
 * It waits for `pageshow`, not `load`: a page's load event includes every `load` listener, so one of
 * ours would add to the page's load time (loadEventEnd) what an empty content script does not;
 * `pageshow` is dispatched right after the load event has ended (HTML, "completely finish loading").
 */
export function whenPageSettled(fn: () => void, timeoutMs = 1_000, maxWaitMs = 5_000): void {
  const settle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: timeoutMs });
    else setTimeout(fn, 0);
  };
  if (document.readyState === 'complete') return settle();
  const onShown = (): void => {
    clearTimeout(fallback);
    settle();
  };
  const fallback = setTimeout(() => {
    removeEventListener('pageshow', onShown);
    settle();
  }, maxWaitMs);
  addEventListener('pageshow', onShown, { once: true });
}
