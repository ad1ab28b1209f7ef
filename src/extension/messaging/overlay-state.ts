import type { FeedIncident, ObligationStatus } from '../../core/types';
import type { SiteRecord } from '../db/schema';

/**
 * What the overlay and popup render, written by the background to `storage.local` under
 * OVERLAY_KEY after every poll or command. Content scripts cannot open the extension's
 * IndexedDB, so this compact projection is how stored state reaches them (storage.onChanged),
 * without polling the background.
 */
export const OVERLAY_KEY = 'overlay';

export interface OverlayIncident {
  sourceId: string;
  sourceName: string;
  /** https status page link of the source, when known. */
  statusPageUrl?: string;
  incident: FeedIncident;
  /** Deadlines computed by the core at `computedAt` (countdowns tick locally from dueAt). */
  obligations: ObligationStatus[];
  /** Set when the agent copied a reply; `stale` once a newer update was posted. */
  copied?: {
    updateId: string;
    text: string;
    copiedAt: number;
    stale: boolean;
    newerUpdateBody?: string;
  };
}

export interface OverlayState {
  computedAt: number;
  /** Active incidents and in-progress maintenance, most severe first. */
  incidents: OverlayIncident[];
  /** Sources that currently fail, with their last error, so stale data is labelled. */
  failing: { sourceId: string; name: string; error: string; lastOkAt?: number }[];
  /**
   * Where the pill sits per site origin (mirrors SiteRecord.corner for enabled sites), because a
   * content script cannot read the extension's IndexedDB. Added for the overlay (issue 5, UI).
   */
  corners?: Record<string, SiteRecord['corner']>;
}
