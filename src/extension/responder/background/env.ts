import type { LensDatabase } from '../../db/open';

/**
 * The world the responder handlers run in; tests inject a fake-indexeddb database and a clock.
 * Its own module so handlers.ts and statuspage.ts both depend on it instead of on each other.
 */
export interface ResponderEnv {
  db(): Promise<LensDatabase>;
  now(): number;
  fetch: typeof fetch;
  newId(): string;
  /** Statuspage call timeout (tests shorten it). */
  timeoutMs?: number;
  /** Gives a host permission back unless something still uses it (after a disconnect). */
  releaseOrigin?: (pattern: string) => Promise<void>;
}
