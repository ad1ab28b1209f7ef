import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { openLensDB, type LensDatabase } from '../../db/open';
import { errorMessage } from '../error';

let opened: Promise<LensDatabase> | null = null;

/** One connection per extension page (pages share the extension origin with the background). */
export function pageDB(): Promise<LensDatabase> {
  opened ??= openLensDB();
  return opened;
}

/**
 * Reads from the database through a repository function and reads again whenever storage.session
 * changes: the background rewrites the overlay projection there after every poll and command, so that
 * event is the "something changed" signal — views never poll. `refresh` re-reads at once (after
 * a command this page sent).
 */
export function useDbQuery<T>(read: (db: LensDatabase) => Promise<T>): {
  data: T | undefined;
  error: string | null;
  refresh(): void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const onChanged = (_c: unknown, area: string) => area === 'session' && refresh();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  useEffect(() => {
    let live = true;
    pageDB()
      .then(read)
      .then(
        (v) => live && (setData(v), setError(null)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
    // `read` is a stable module function in every caller; re-reading is driven by `version`.
  }, [version]);
  return { data, error, refresh };
}
