import type { Language } from '../../core/language';
import type { FeedIncident, ObligationStatus } from '../../core/types';

/**
 * What the overlay and popup render, written by the background to `storage.session` under
 * OVERLAY_KEY after every poll or command (the popup watches it there). Content scripts can read
 * neither the extension's IndexedDB nor `storage.session`: a page's content script asks the worker
 * (`overlay/get`, answered only for a turned-on site) and is sent each new projection.
 *
 * It holds only what every overlay shows, bounded in size (PAGE_LIMITS): no site origins, no source
 * errors, no sources without shown incidents (issue 16, items 2, 3 and 15).
 */
export const OVERLAY_KEY = 'overlay';

/**
 * The key, in the `templates` setting (shared by the team), of the internal holding line agents may
 * copy for an incident the team declared that is not public yet. Absent: no holding line.
 */
export const HOLDING_LINE = 'holding_line';

export interface OverlayIncident {
  sourceId: string;
  sourceName: string;
  /** https status page link of the source, when known. */
  statusPageUrl?: string;
  /** The status page's time zone (IANA), when the feed declares one: customer replies use it. */
  statusPageTimeZone?: string;
  incident: FeedIncident;
  /**
   * The link to the incident itself (its shortlink, or the status page's incident URL): https, on
   * the source's host or the status page's declared host only. The card and the reply use it.
   */
  incidentUrl?: string;
  /** When a recently resolved incident ended (only on items in `resolved`). */
  endedAt?: number;
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
  /**
   * Team mode: who did each done duty and when (by rule id): a mark by anyone in the team, or the
   * event that met an internal incident's duty.
   */
  doneBy?: Record<string, { by: string; at: number }>;
  /**
   * Set on an incident the team declared that is not on the status page yet: agents see it
   * labelled internal, and no customer reply is offered for it (only the policy's holding line,
   * when the team's templates have one, in each language it is written in: the agent's reply
   * language picks one, English when that language has none).
   */
  internal?: { declaredBy?: string; holdingLines?: Partial<Record<Language, string>> };
}

export interface OverlayState {
  computedAt: number;
  /** Active incidents and in-progress maintenance, most severe first. */
  incidents: OverlayIncident[];
  /**
   * Sources that currently fail, so stale data is labelled with the last good time. Their names
   * and errors stay in the extension (options → Sources): an error can carry an internal URL.
   */
  failing: { sourceId: string; lastOkAt?: number }[];
  /** Active items left out of `incidents` by PAGE_LIMITS (still counted on the pill). */
  omitted?: number;
  /**
   * Incidents resolved within the keep time (a setting), newest first, so an agent asked "is it
   * fixed?" still has the card, the resolution and the reply. Not counted on the pill or badge.
   */
  resolved?: OverlayIncident[];
}

/** Bounds of the projection a page receives: a 500 × 380 feed once wrote 4.3 MB per refresh. */
export const PAGE_LIMITS = {
  incidents: 100,
  resolved: 20,
  componentsPerIncident: 40,
  nameChars: 300,
  bodyChars: 4_000,
} as const;
