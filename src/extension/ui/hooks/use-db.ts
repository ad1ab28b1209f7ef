import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
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
 *
 * `read` may be an inline closure: the latest one is used, and `keys` (the values it reads from
 * props or state, `[]` for none) decide when it must read again. Keying on the closure itself
 * would re-read on every render, which re-renders: a loop.
 */
export function useDbQuery<T>(
  read: (db: LensDatabase) => Promise<T>,
  keys: readonly unknown[],
): {
  data: T | undefined;
  error: string | null;
  refresh(): void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(read);
  latest.current = read;
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const onChanged = (_c: unknown, area: string) => area === 'session' && refresh();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  useEffect(() => {
    let live = true;
    pageDB()
      .then((db) => latest.current(db))
      .then(
        (v) => live && (setData(v), setError(null)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
    // `keys` are the query's inputs; `read` itself changes every render.
  }, [version, ...keys]);
  return { data, error, refresh };
}
