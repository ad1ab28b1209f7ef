import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ManagedRead } from '../config';
import { loadManaged } from '../load';

/** The organisation's configuration, read again when the policy changes (Chrome applies it live). */
export function useManaged(): ManagedRead | undefined {
  const [read, setRead] = useState<ManagedRead | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () => void loadManaged().then((r) => live && setRead(r));
    load();
    const onChanged = (_c: unknown, area: string) => area === 'managed' && load();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return read;
}
