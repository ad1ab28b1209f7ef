import browser from 'webextension-polyfill';
import contentScriptPath from '../content.iife.ts?script';

/** Registers every listener synchronously at start-up, as MV3 requires. */
export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => undefined);
  void contentScriptPath;
}
