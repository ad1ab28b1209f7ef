// Entry point of the overlay content script: the loader, injected on every load of an enabled
// site. Wiring only, and kept tiny (its own budget in size-budgets.json): the overlay itself is
// imported after the page's load and first idle moment (content/loader.ts).
import { loadOverlay, type LoaderRuntime, type OverlayModule } from './content/loader';
import { whenPageSettled } from './content/views/settled';

/** `chrome` in Chrome and Firefox content scripts alike (no polyfill: it would weigh more than the loader). */
const runtime = () =>
  (globalThis as { chrome?: { runtime?: LoaderRuntime } }).chrome?.runtime ?? undefined;

whenPageSettled(() => {
  loadOverlay(runtime, (url) => import(/* @vite-ignore */ url) as Promise<OverlayModule>).catch(
    (e: unknown) => console.error('[incident-lens] the overlay did not load:', e),
  );
});
