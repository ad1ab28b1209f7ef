import browser from 'webextension-polyfill';
import { OVERLAY_KEY, type OverlayState } from '../../messaging/overlay-state';
import { setMessageSource } from '../../i18n/translate';
import type { OverlayStore } from '../hooks/use-overlay';

/** The OverlayStore over `browser.storage.local` and `storage.onChanged`. */
export function browserOverlayStore(): OverlayStore {
  return {
    async get() {
      const got = await browser.storage.local.get(OVERLAY_KEY);
      return (got[OVERLAY_KEY] as OverlayState | undefined) ?? null;
    },
    watch(fn) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        const change = changes[OVERLAY_KEY];
        if (area === 'local' && change) fn((change.newValue as OverlayState | undefined) ?? null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Wires `t()` to the extension's `_locales` and the browser's UI language. */
export function wireI18n(): void {
  setMessageSource((key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage());
}
