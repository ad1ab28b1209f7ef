import type { LensDatabase } from '../db/open';
import type { PouchFactory } from '../db/pouch';
import type { OverlayState } from '../messaging/overlay-state';

/** A badge: empty text hides it. */
export interface Badge {
  text: string;
  /** The toolbar button's tooltip (action.setTitle): what is active, one line each. */
  title: string;
  color: string;
  textColor: string;
}

/** Everything the background does to the browser, behind one seam so handlers are unit-testable. */
export interface Platform {
  /** Registers (replacing any previous one) the overlay content script for a match pattern. */
  registerOverlay(pattern: string): Promise<void>;
  unregisterOverlay(pattern: string): Promise<void>;
  /** Puts the overlay into the tabs already open on the pattern (a registration reaches new loads only). */
  showOverlayIn(pattern: string): Promise<void>;
  /** Takes the overlay out of the tabs open on the pattern. */
  hideOverlayIn(pattern: string): Promise<void>;
  /** Match patterns that currently have an overlay registration. */
  registeredOverlays(): Promise<string[]>;
  /** True if the extension holds host access for the pattern. */
  hasOrigin(pattern: string): Promise<boolean>;
  /** Gives host access for the pattern back. */
  removeOrigin(pattern: string): Promise<void>;
  setBadge(badge: Badge): Promise<void>;
  /** Shows a desktop notification with this id. */
  notify(id: string, n: { title: string; message: string }): Promise<void>;
  /**
   * Keeps the projection the overlay and popup render (storage.session[OVERLAY_KEY], which content
   * scripts cannot read) and hands it to the tabs of turned-on sites.
   */
  writeOverlay(state: OverlayState): Promise<void>;
  /** Reads / writes other storage.local keys (team mode's status; views watch them). */
  getLocal(key: string): Promise<unknown>;
  setLocal(items: Record<string, unknown>): Promise<void>;
  /** The projection last written (null when none: a fresh browser session before the first refresh). */
  readOverlay(): Promise<OverlayState | null>;
  /** Sends a message to the content script of the active tab (ignored when there is none). */
  sendToActiveTab(message: unknown): Promise<void>;
  /** Tells open extension pages something (ignored when none listens). */
  toPages(message: unknown): Promise<void>;
  /**
   * What the organisation set in `storage.managed` (enterprise policy), unchecked; `{}` when
   * nothing is managed. `managed/config.ts` `readManaged` checks it.
   */
  managedStorage(): Promise<unknown>;
}

/** The background's world, injected: database, clock, randomness, network and browser. */
export interface Deps {
  db(): Promise<LensDatabase>;
  now(): number;
  /** In [0, 1): back-off jitter. */
  random(): number;
  newId(): string;
  fetch: typeof fetch;
  platform: Platform;
  /**
   * Opens a PouchDB database by name (local, IndexedDB adapter) or URL (remote). Absent in unit
   * kits that test local-only behaviour: the repositories then write IndexedDB directly.
   */
  pouch?: PouchFactory;
}
