import browser from 'webextension-polyfill';
import { send } from '../../messaging/channel';
import { OVERLAY_STATE, type OverlayStateMessage } from '../../messaging/commands';
import { OVERLAY_KEY, type OverlayState } from '../../messaging/overlay-state';
import { setMessageSource } from '../../i18n/translate';
import type { OverlayStore } from '../hooks/use-overlay';

/** The OverlayStore of extension pages (popup): `storage.session` and `storage.onChanged`. */
export function browserOverlayStore(): OverlayStore {
  return {
    async get() {
      const got = await browser.storage.session.get(OVERLAY_KEY);
      return (got[OVERLAY_KEY] as OverlayState | undefined) ?? null;
    },
    watch(fn) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        const change = changes[OVERLAY_KEY];
        if (area === 'session' && change) fn((change.newValue as OverlayState | undefined) ?? null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/**
 * The OverlayStore of a content script, which cannot read `storage.session`: the worker answers
 * `overlay/get` for the page's own site (null elsewhere) and sends each new projection to the
 * tabs of turned-on sites.
 */
export function contentOverlayStore(): OverlayStore {
  return {
    get: () => send('overlay/get', null),
    watch(fn) {
      const listener = (msg: unknown, sender: browser.Runtime.MessageSender) => {
        if (sender.id !== browser.runtime.id) return undefined;
        const m = msg as Partial<OverlayStateMessage> | null;
        if (m?.type === OVERLAY_STATE && m.state) fn(m.state);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}

/** Wires `t()` to the extension's `_locales` and the browser's UI language. */
export function wireI18n(): void {
  setMessageSource((key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage());
}
