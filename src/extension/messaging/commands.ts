import type { BackupCommands } from '../backup/protocol';
import type { OverlayCommands } from '../content/protocol';
import type { SourceCommands } from '../feeds/protocol';
import type { NotificationCommands } from '../notifications/protocol';
import type { PolicyCommands } from '../policy/protocol';
import type { IncidentCommands, ResponderCommands } from '../responder/protocol';
import type { ReviewCommands } from '../reviews/protocol';
import type { SiteCommands } from '../sites/protocol';
import type { TeamCommands } from '../team/protocol';
import type { OverlayState } from './overlay-state';

/**
 * The one typed message protocol (docs/style.md #3): command → request → reply. Each feature
 * declares its own commands beside its code (`<feature>/protocol.ts`); this map composes them, so
 * `send`, the router and the content-script allow-list all see one typed map.
 * Messages are commands; state is shared through IndexedDB / storage, which views observe.
 * Add a command to its feature's protocol; never send an untyped message.
 */
export interface Commands
  extends
    SourceCommands,
    SiteCommands,
    OverlayCommands,
    NotificationCommands,
    PolicyCommands,
    BackupCommands,
    IncidentCommands,
    ResponderCommands,
    ReviewCommands,
    TeamCommands {}

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

/**
 * The message the background sends to the tabs of every turned-on site after each refresh, with
 * the new projection (content scripts cannot read `storage.session`, where it is kept).
 */
export const OVERLAY_STATE = 'lens/overlay-state';
export interface OverlayStateMessage {
  type: typeof OVERLAY_STATE;
  state: OverlayState;
}

/** The only commands a content script (a web page's isolated world) may send. */
export const CONTENT_SCRIPT_COMMANDS: readonly Command[] = [
  'replies/copied',
  'support/ticketMatched',
  'sites/setCorner',
  'sites/getCorner',
  'overlay/get',
  'feed/markDone',
  'overlay/getReplyLanguage',
  'overlay/setReplyLanguage',
];

/**
 * Content-script commands that only read what the page may already see: not counted against the
 * per-origin rate limit (every page load asks once, and an agent opens many tickets).
 */
export const UNCOUNTED_CONTENT_COMMANDS: readonly Command[] = [
  'overlay/get',
  'overlay/getReplyLanguage',
];
