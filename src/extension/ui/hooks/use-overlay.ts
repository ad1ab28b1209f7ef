import { useEffect, useState } from 'preact/hooks';
import type { OverlayState } from '../../messaging/overlay-state';

/** Where views read the overlay projection from: storage.session (pages) or the worker (content scripts). */
export interface OverlayStore {
  get(): Promise<OverlayState | null>;
  /** Calls `fn` with the new value whenever the stored projection changes; returns the removal. */
  watch(fn: (next: OverlayState | null) => void): () => void;
}

/** "as of 14:05": the oldest last-good time among failing sources, or the projection time. */
export function staleSince(state: OverlayState): number | null {
  if (state.failing.length === 0) return null;
  const times = state.failing.map((f) => f.lastOkAt ?? state.computedAt);
  return Math.min(...times);
}

/**
 * The stored OverlayState, kept current through storage change events (never by polling the
 * background). `undefined` until the first read resolves, so views can tell "loading" from "none".
 */
export function useOverlayState(store: OverlayStore): OverlayState | null | undefined {
  const [state, setState] = useState<OverlayState | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // A change event that lands before the first read finishes is newer, so the read must not win.
    let changed = false;
    const stop = store.watch((next) => {
      changed = true;
      if (live) setState(next);
    });
    store.get().then(
      (v) => live && !changed && setState(v),
      () => live && !changed && setState(null),
    );
    return () => {
      live = false;
      stop();
    };
  }, [store]);
  return state;
}
