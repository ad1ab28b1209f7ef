import type {
  FeedProblem,
  ImpactAnswers,
  Policy,
  Severity,
  TimelineEventType,
} from '../../core/types';
import type { FeedFormat } from '../../core/feed/formats';
import type { IncidentRecord, NotificationPrefs, SiteRecord, SourceRecord } from '../db/schema';
import type { ResponderCommands } from '../responder/protocol';
import type { ReviewCommands } from '../reviews/protocol';

/**
 * The one typed message protocol (docs/style.md #3): command → request → reply.
 * Messages are commands; state is shared through IndexedDB / storage, which views observe.
 * Extend this map; never send an untyped message.
 */
/** A source's format choice (null: detect) and request headers, as the options page sends them. */
interface SourceFeedOptions {
  format?: FeedFormat | null;
  headers?: Record<string, string>;
}

export interface Commands {
  'sources/add': {
    req: { name: string; url: string; pollSeconds: number } & SourceFeedOptions;
    res: SourceRecord;
  };
  'sources/update': {
    req: {
      id: string;
      name?: string;
      url?: string;
      pollSeconds?: number;
      enabled?: boolean;
    } & SourceFeedOptions;
    res: SourceRecord;
  };
  'sources/remove': { req: { id: string }; res: null };
  /** Fetches a URL once and reports what the parser made of it; stores nothing. */
  'sources/test': {
    req: { url: string } & SourceFeedOptions;
    /** `url`: the URL read (a status page's root means the feed found under it). */
    res:
      | {
          ok: true;
          url: string;
          /** The format the feed was read as (detected, or the one chosen). */
          format: FeedFormat;
          kind: string;
          incidents: number;
          maintenances: number;
          components: number;
          problems: FeedProblem[];
        }
      | { ok: false; url: string; error: string };
  };
  'sources/pollNow': { req: { id?: string }; res: null };
  /** Called after the page obtained the origin permission (a user gesture is needed for that). */
  'sites/enable': { req: { origin: string }; res: SiteRecord };
  'sites/disable': { req: { origin: string }; res: null };
  'sites/setCorner': { req: { origin: string; corner: SiteRecord['corner'] }; res: null };
  /** The pill's remembered corner on the asking page's own site (null when none is stored). */
  'sites/getCorner': { req: { origin: string }; res: SiteRecord['corner'] | null };
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
  'incidents/declare': {
    req: { title: string; components: string[]; publiclyVisible: boolean; startedAt?: number };
    res: IncidentRecord;
  };
  'incidents/classify': {
    req: { id: string; answers: ImpactAnswers; severity: Severity; overrideReason?: string };
    res: IncidentRecord;
  };
  'incidents/record': {
    req: { id: string; type: TimelineEventType; at?: number; obligationId?: string; text?: string };
    res: null;
  };
  'incidents/editEvent': {
    req: { id: string; eventId: string; at: number; reason: string };
    res: null;
  };
  /** `includeHeaders`: sources' request headers travel too (left out unless asked for). */
  'data/export': { req: { includeHeaders?: boolean } | null; res: { json: string } };
  'data/import': {
    req: { json: string };
    /** `notes`: what the import left out or could not do after the data was replaced (registrations). */
    res:
      { ok: true; counts: Record<string, number>; notes: string[] } | { ok: false; error: string };
  };
  /** Options page → Notifications: merges the given toggles into settings.notifications (UI, issue 5). */
  'settings/setNotifications': { req: Partial<NotificationPrefs>; res: NotificationPrefs };
  /** Options → Policy: validated by the core, saved as a new version; refused while managed. */
  'settings/setPolicy': { req: { policy: Policy }; res: Policy };
  /** Options → Templates: one template in one language; `text: null` restores the default. */
  'settings/setTemplate': {
    req: { lang: string; id: string; text: string | null };
    res: Record<string, string>;
  };
  // Responder workflow: types in responder/protocol.ts, handlers in background/responder.ts.
  'incidents/publish': ResponderCommands['incidents/publish'];
  'incidents/resolve': ResponderCommands['incidents/resolve'];
  'incidents/link': ResponderCommands['incidents/link'];
  'incidents/cancel': ResponderCommands['incidents/cancel'];
  'incidents/unlinkStatuspage': ResponderCommands['incidents/unlinkStatuspage'];
  'drafts/save': ResponderCommands['drafts/save'];
  'drafts/discard': ResponderCommands['drafts/discard'];
  'statuspage/connect': ResponderCommands['statuspage/connect'];
  'statuspage/disconnect': ResponderCommands['statuspage/disconnect'];
  'statuspage/status': ResponderCommands['statuspage/status'];
  'statuspage/components': ResponderCommands['statuspage/components'];
  // Post-incident reviews: types in reviews/protocol.ts, handlers in background/reviews.ts.
  'reviews/create': ReviewCommands['reviews/create'];
  'reviews/save': ReviewCommands['reviews/save'];
  'reviews/publish': ReviewCommands['reviews/publish'];
  'reviews/setItemStatus': ReviewCommands['reviews/setItemStatus'];
  'reviews/skip': ReviewCommands['reviews/skip'];
}

export type Command = keyof Commands;
export type Req<K extends Command> = Commands[K]['req'];
export type Res<K extends Command> = Commands[K]['res'];

/** The envelope on the wire. */
export interface Envelope<K extends Command = Command> {
  cmd: K;
  payload: Req<K>;
}

/** A reply on the wire: errors cross as data, never as rejected promises with lost messages. */
export type Reply<K extends Command = Command> =
  { ok: true; value: Res<K> } | { ok: false; error: string };

/** The message the background sends to the active tab's content script for the `toggle-panel` shortcut. */
export const TOGGLE_PANEL = 'lens/toggle-panel';
export interface TogglePanelMessage {
  type: typeof TOGGLE_PANEL;
}

/** What the background tells extension pages while an import runs (the options page's progress bar). */
export const IMPORT_PROGRESS = 'lens/import-progress';
export interface ImportProgressMessage {
  type: typeof IMPORT_PROGRESS;
  written: number;
  total: number;
}

/** The message the background sends to a site's tabs when the agent turns the overlay off there. */
export const OVERLAY_TEARDOWN = 'lens/teardown';
export interface OverlayTeardownMessage {
  type: typeof OVERLAY_TEARDOWN;
}

/** The only commands a content script (a web page's isolated world) may send. */
export const CONTENT_SCRIPT_COMMANDS: readonly Command[] = [
  'replies/copied',
  'support/ticketMatched',
  'sites/setCorner',
  'sites/getCorner',
  'feed/markDone',
];
