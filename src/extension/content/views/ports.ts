import type { Command, Req, Res } from '../../messaging/commands';
import type { OverlayStore } from '../../ui/hooks/use-overlay';

/**
 * Everything the overlay needs from the outside world, handed in by `mount.ts`, so the
 * components render in unit tests and on an extension test page without a content-script runtime.
 */
export interface OverlayPorts {
  store: OverlayStore;
  send<K extends Command>(cmd: K, payload: Req<K>): Promise<Res<K>>;
  /** Writes text to the clipboard; rejects when the page refuses. */
  copy(text: string): Promise<void>;
  /**
   * Puts text into the ticket's reply editor at the caret, as plain text. Resolves false when the
   * page has no reply editor the overlay can find. Absent: the overlay offers Copy only.
   */
  insert?(text: string): Promise<boolean>;
  /** The site's origin (the key for the pill's corner). */
  origin: string;
  /** Subscribes to 'lens/toggle-panel' from the background; returns the removal. */
  onToggle(fn: () => void): () => void;
  /** Calls `fn` with bounded visible page text, now and after DOM changes, until aborted. */
  watchText(fn: (text: string) => void, signal: AbortSignal): void;
  /** The clock, handed in so tests can freeze it. */
  now(): number;
  /**
   * An opaque key for the ticket on screen (a hash of the page's address, hex), so the review
   * can count matched tickets without any ticket text leaving the page. Absent: nothing recorded.
   */
  ticketKey?(): Promise<string>;
}
