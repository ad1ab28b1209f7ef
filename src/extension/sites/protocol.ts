import type { SiteRecord } from '../db/schema';
import type { OverlayState } from '../messaging/overlay-state';

/**
 * The commands of helpdesk sites and the overlay in them, composed into `Commands` in
 * messaging/commands.ts. `sites/setCorner`, `sites/getCorner` and the last three are the ones a content script may
 * send.
 */
export interface SiteCommands {
  /** Called after the page obtained the origin permission (a user gesture is needed for that). */
  'sites/enable': { req: { origin: string }; res: SiteRecord };
  'sites/disable': { req: { origin: string }; res: null };
  'sites/setCorner': { req: { origin: string; corner: SiteRecord['corner'] }; res: null };
  /** The pill's remembered corner on the asking page's own site (null when none is stored). */
  'sites/getCorner': { req: { origin: string }; res: SiteRecord['corner'] | null };
  /**
   * The overlay projection for the asking page: only a page whose own site is turned on (and still
   * granted) gets it; any other gets null. Extension pages get it too.
   */
  'overlay/get': { req: null; res: OverlayState | null };
  'replies/copied': {
    req: { sourceId: string; incidentId: string; updateId: string; text: string };
    res: null;
  };
  /**
   * The overlay matched the open ticket to a feed incident. `ticket` is an opaque hash of the
   * ticket's address (hex), so a ticket seen twice counts once; no ticket text ever leaves the page.
   */
  'support/ticketMatched': {
    req: { sourceId: string; incidentId: string; ticket: string };
    res: null;
  };
  /** An agent did a feed incident's duty (today: notified the customers), from the overlay or popup. */
  'feed/markDone': {
    req: { sourceId: string; incidentId: string; obligationId: string };
    res: null;
  };
}
