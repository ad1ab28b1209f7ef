/** At most this many characters of page text are scanned: a ticket's subject and body fit easily. */
export const MAX_TEXT = 50_000;

/** The visible text of the page, bounded. The overlay lives outside <body>, so it never matches itself. */
export function visiblePageText(doc: Document = document, max = MAX_TEXT): string {
  const body = doc.body;
  if (!body) return '';
  // innerText is what the agent sees (it skips hidden elements); happy-dom and old engines lack it.
  const text = typeof body.innerText === 'string' ? body.innerText : (body.textContent ?? '');
  return text.slice(0, max);
}

/**
 * Calls `fn` with the page text now and after DOM changes, debounced so a busy single-page app
 * (helpdesks re-render constantly) costs one read per quiet period. Stops when `signal` aborts.
 */
export function watchPageText(
  fn: (text: string) => void,
  signal: AbortSignal,
  debounceMs = 600,
  doc: Document = document,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    if (!signal.aborted) fn(visiblePageText(doc));
  };
  const observer = new MutationObserver(() => {
    if (timer === undefined) timer = setTimeout(run, debounceMs);
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  run();
}
