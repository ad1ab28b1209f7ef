import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/**
 * Requests host access for `pattern`. Call it synchronously from a click or submit handler, before
 * any await: browsers grant the prompt only inside the user gesture.
 */
export function requestHost(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}

/**
 * Requests host access for several patterns in one prompt (an import's sources and sites). Call
 * it synchronously from a click, before any await. Patterns already held are granted silently.
 */
export function requestHosts(patterns: readonly string[]): Promise<boolean> {
  if (patterns.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins: [...patterns] }).catch(() => false);
}

/** Whether host access for `pattern` is currently held. */
export function hasHost(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] }).catch(() => false);
}

/**
 * Which of `patterns` are granted, kept current through permissions.onAdded/onRemoved, so a
 * revocation from the browser's own settings shows up without a reload.
 */
export function useGranted(patterns: readonly string[]): Record<string, boolean> {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const key = patterns.join('\n');
  useEffect(() => {
    let live = true;
    const check = async () => {
      const entries = await Promise.all(patterns.map(async (p) => [p, await hasHost(p)] as const));
      if (live) setGranted(Object.fromEntries(entries));
    };
    void check();
    const onChange = () => void check();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
    // `key` stands for `patterns` so a new array with the same items does not re-subscribe.
  }, [key]);
  return granted;
}
