/**
 * The split of the overlay content script (issue 22). What the browser injects on every load of an
 * enabled site is only the loader (`content.iife.ts`, a few hundred bytes): it waits for the page to
 * settle, then imports the overlay (preact, the views, the styles) as an extension module. So the
 * host page never parses or evaluates the overlay during its own start-up.
 */

/**
 * Where the build writes the overlay module (vite.config.ts names the chunk so, without a hash, so
 * that the loader, built separately as an IIFE, can name it). The only web-accessible files are
 * this module and the chunks it imports, for http(s) pages, and in Chrome only at the per-session
 * dynamic URL, so no website can probe a fixed URL to learn the extension is installed.
 */
export const OVERLAY_MODULE = 'assets/overlay.js';

/** What the overlay module exports. */
export interface OverlayModule {
  mountOverlay(): () => void;
}

/** The part of the extension runtime the loader needs: `runtime.getURL`. */
export interface LoaderRuntime {
  getURL(path: string): string;
}

/**
 * Imports the overlay module and mounts it. `importModule` is the browser's dynamic `import()`.
 * A loader whose extension context was invalidated (the extension was reloaded or updated while
 * the page was open) has no runtime any more: it gives up quietly, since the new extension injects
 * its own loader into the open tabs of enabled sites.
 */
export async function loadOverlay(
  runtime: () => LoaderRuntime | undefined,
  importModule: (url: string) => Promise<OverlayModule>,
): Promise<boolean> {
  let url: string;
  try {
    const rt = runtime();
    if (!rt) return false;
    url = rt.getURL(OVERLAY_MODULE);
  } catch {
    return false; // "Extension context invalidated"
  }
  const overlay = await importModule(url);
  overlay.mountOverlay();
  return true;
}
