import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OVERLAY_TEARDOWN } from '../../messaging/commands';
import { send } from '../../messaging/channel';
import { contentOverlayStore, wireI18n } from '../../ui/browser/wiring';
import { Overlay } from './overlay';
import { OVERLAY_CSS } from './overlay-css';
import { watchPageText } from './page-text';
import { ignoreUntrusted } from './trusted';
import type { OverlayPorts } from './ports';
import { h } from 'preact';

/**
 * The host is a plain built-in `<div>`: a page can define a custom element for any custom tag, and
 * `createElement` would then run the PAGE's constructor, which can call `attachInternals()` and
 * get our closed shadow root (issue 16, item 3). No page can redefine a built-in element.
 * The attribute only lets a later injection find a host an older extension context left.
 */
export const HOST_ATTR = 'data-incident-lens';

/** Where this isolated world keeps the mounted overlay's teardown. */
const MOUNTED = Symbol.for('incident-lens.overlay');

/**
 * Host styles set through the CSSOM with !important: an inline !important declaration beats any
 * selector a hostile page can write (`* { display: none !important }`), and CSSOM writes are not
 * subject to the page's CSP the way a style attribute in markup would be.
 */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'auto'],
];

/** Puts the styles into the shadow root: a constructable sheet where allowed, else a <style>. */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts cannot hand an Xray-wrapped sheet to the page's root.
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.append(style);
  }
}

/** Copies through the async clipboard API, falling back to a selection copy inside our root. */
function clipboardWriter(root: ShadowRoot): (text: string) => Promise<void> {
  return async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('aria-hidden', 'true');
      area.style.setProperty('position', 'fixed');
      area.style.setProperty('opacity', '0');
      root.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      if (!ok) throw new Error('clipboard refused');
    }
  };
}

/**
 * Mounts the overlay: a host element appended to <html> (outside <body>, so it is never part of
 * the page's flow or of the text the ticket matcher reads) with a CLOSED shadow root, so page
 * scripts cannot reach in. A second injection replaces the first (the old one may belong to a
 * previous, invalidated extension context). Returns the teardown.
 */
export function mountOverlay(): () => void {
  wireI18n();
  // An earlier injection in this world (the page was open when the site was turned on again) goes
  // first; a host left by an older, invalidated extension context is removed with the rest.
  const g = globalThis as { [MOUNTED]?: () => void };
  g[MOUNTED]?.();
  document.querySelectorAll(`div[${HOST_ATTR}]`).forEach((el) => el.remove());
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const stopGuard = ignoreUntrusted(root);
  adoptStyles(root);
  const container = document.createElement('div');
  root.append(container);

  const ports: OverlayPorts = {
    store: contentOverlayStore(),
    send,
    copy: clipboardWriter(root),
    origin: location.origin,
    onToggle(fn) {
      const listener = (msg: unknown, sender: browser.Runtime.MessageSender) => {
        if (sender.id !== browser.runtime.id) return undefined;
        if ((msg as { type?: unknown } | null)?.type === 'lens/toggle-panel') fn();
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    watchText: (fn, signal) => watchPageText(fn, signal),
    now: () => Date.now(),
    ticketKey: () => ticketKey(location.origin + location.pathname),
  };
  document.documentElement.append(host);
  render(h(Overlay, { ports }), container);
  const teardown = () => {
    render(null, container);
    stopGuard();
    host.remove();
    browser.runtime.onMessage.removeListener(onTeardown);
  };
  // The agent turned the site off: the overlay leaves the open tabs too.
  const onTeardown = (msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (
      sender.id === browser.runtime.id &&
      (msg as { type?: unknown } | null)?.type === OVERLAY_TEARDOWN
    )
      teardown();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTeardown);
  g[MOUNTED] = teardown;
  return teardown;
}

/** SHA-256 of a ticket's address, in hex: counts the ticket without carrying its text or URL. */
async function ticketKey(address: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(address));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
