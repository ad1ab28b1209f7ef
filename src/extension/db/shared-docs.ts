import type { Policy } from '../../core/types';
import type { Author } from '../../core/team';
import type {
  EventRecord,
  IncidentRecord,
  ReviewRecord,
  SettingChange,
  TeamMarkRecord,
} from './schema';

/**
 * The documents a team shares, as stored in PouchDB and replicated to CouchDB: the one typed
 * source of their shape (the server's validate_doc_update in team/design-doc.mjs checks the same
 * fields). Every document carries its author and the time it was written.
 *
 * Ids put one incident's documents next to each other and make each kind a key range:
 * `incident:<id>`, `event:<incidentId>:<eventId>` (one per event: concurrent appends never
 * conflict), `review:<id>`, `mark:<feed URL>|<incident>|<duty>`, `setting:<key>`.
 */

interface Meta {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  author: Author;
  /** When this version was written (epoch ms). */
  at: number;
}

/** Bookkeeping the local stores add to a record; never part of the shared record itself. */
type IncidentFields = Omit<IncidentRecord, 'createdBy' | 'lastBy' | 'lastAt'>;

export interface IncidentDoc extends Meta {
  kind: 'incident';
  record: IncidentFields;
  createdBy: Author;
}
export interface EventDoc extends Meta {
  kind: 'event';
  record: Omit<EventRecord, 'author'>;
}
export interface ReviewDoc extends Meta {
  kind: 'review';
  record: ReviewRecord;
}
export interface MarkDoc extends Meta {
  kind: 'mark';
  record: Omit<TeamMarkRecord, 'id' | 'author'>;
}
export interface SettingDoc extends Meta {
  kind: 'setting';
  record: { key: 'policy'; value: Policy } | { key: 'templates'; value: Record<string, string> };
  /** Who changed it and when, newest last (setting-log.ts); filled in by the store on each write. */
  changes?: SettingChange[];
  /**
   * `managed`: this write applied the organisation's managed policy (IT). Its author is still the
   * signed-in user, the writer of record (the server accepts no other author).
   */
  via?: 'managed';
}

export type SharedDoc = IncidentDoc | EventDoc | ReviewDoc | MarkDoc | SettingDoc;
export type SharedKind = SharedDoc['kind'];
/** A document to write: its id and body; author, time and revision are filled in by the store. */
export type NewDoc = {
  [K in SharedKind]: Omit<Extract<SharedDoc, { kind: K }>, keyof Meta | 'createdBy' | 'changes'>;
}[SharedKind];

export const SHARED_KINDS: readonly SharedKind[] = [
  'incident',
  'event',
  'review',
  'mark',
  'setting',
];

export const incidentDocId = (id: string): string => `incident:${id}`;
export const eventDocId = (incidentId: string, id: string): string => `event:${incidentId}:${id}`;
export const reviewDocId = (id: string): string => `review:${id}`;
export const markDocId = (feedUrl: string, incidentId: string, obligationId: string): string =>
  `mark:${feedUrl}|${incidentId}|${obligationId}`;
export const settingDocId = (key: string): string => `setting:${key}`;

/** The id of the document holding a new document's record. */
export function docId(d: NewDoc): string {
  switch (d.kind) {
    case 'incident':
      return incidentDocId(d.record.id);
    case 'event':
      return eventDocId(d.record.incidentId, d.record.id);
    case 'review':
      return reviewDocId(d.record.id);
    case 'mark':
      return markDocId(d.record.feedUrl, d.record.incidentId, d.record.obligationId);
    case 'setting':
      return settingDocId(d.record.key);
  }
}

/** A local incident record as shared: without the author bookkeeping the local store adds. */
export function incidentDoc(r: IncidentRecord): NewDoc {
  const { createdBy: _c, lastBy: _l, lastAt: _a, ...record } = r;
  return { kind: 'incident', record };
}

export function eventDoc(r: EventRecord): NewDoc {
  const { author: _a, ...record } = r;
  return { kind: 'event', record };
}

export const reviewDoc = (record: ReviewRecord): NewDoc => ({ kind: 'review', record });
