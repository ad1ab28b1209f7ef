import type { FeedProblem, ImpactAnswers, Severity, TimelineEventType } from '../core/types';
import type { IncidentRecord, SiteRecord, SourceRecord } from './db/schema';

/**
 * The one typed message protocol (STYLE.md #3): command → request → reply.
 * Messages are commands; state is shared through IndexedDB / storage, which views observe.
 * Extend this map; never send an untyped message.
 */
export interface Commands {
  'sources/add': { req: { name: string; url: string; pollSeconds: number }; res: SourceRecord };
  'sources/update': {
    req: { id: string; name?: string; url?: string; pollSeconds?: number; enabled?: boolean };
    res: SourceRecord;
  };
  'sources/remove': { req: { id: string }; res: null };
  /** Fetches a URL once and reports what the parser made of it; stores nothing. */
  'sources/test': {
    req: { url: string };
    res:
      | { ok: true; kind: string; incidents: number; maintenances: number; components: number; problems: FeedProblem[] }
      | { ok: false; error: string };
  };
  'sources/pollNow': { req: { id?: string }; res: null };
  /** Called after the page obtained the origin permission (a user gesture is needed for that). */
  'sites/enable': { req: { origin: string }; res: SiteRecord };
  'sites/disable': { req: { origin: string }; res: null };
  'sites/setCorner': { req: { origin: string; corner: SiteRecord['corner'] }; res: null };
  'replies/copied': { req: { sourceId: string; incidentId: string; updateId: string; text: string }; res: null };
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
  'incidents/editEvent': { req: { id: string; eventId: string; at: number; reason: string }; res: null };
  'data/export': { req: null; res: { json: string } };
  'data/import': { req: { json: string }; res: { ok: true; counts: Record<string, number> } | { ok: false; error: string } };
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
export type Reply<K extends Command = Command> = { ok: true; value: Res<K> } | { ok: false; error: string };
