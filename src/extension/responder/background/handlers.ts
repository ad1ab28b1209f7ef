import { deleteDraft, getDraft, putDraft } from '../../db/drafts';
import { getIncident, saveIncident } from '../../db/incidents';
import type { LensDatabase } from '../../db/open';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { getSetting } from '../../db/settings';
import { feedKey } from '../../db/sources';
import { EVENT_FOR_KIND, isStatusPageKind } from '../kinds';
import type { MessageKind, PublishTarget, ResponderCommands } from '../protocol';
import { publishIncident } from '../../statuspage/publish';
import type { StatuspageError } from '../../statuspage/types';
import type { ResponderEnv } from './env';
import { statuspageHandlers } from './statuspage';

/** One handler per responder command. */
export type ResponderHandlers = {
  [K in keyof ResponderCommands]: (
    req: ResponderCommands[K]['req'],
  ) => Promise<ResponderCommands[K]['res']>;
};

/** Times may be a minute ahead of this clock (a browser clock a little behind the user's). */
const SKEW_MS = 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Handlers for the responder's commands (publish, resolve, link, drafts, Statuspage connection).
 * Network calls happen outside any IndexedDB transaction, and the incident is re-read after them
 * so a classification made meanwhile is not overwritten. A failed publish keeps the draft.
 */
export function responderHandlers(env: ResponderEnv): ResponderHandlers {
  const client = {
    fetch: env.fetch,
    now: env.now,
    ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
  };

  async function mustGet(db: LensDatabase, id: string): Promise<IncidentRecord> {
    const inc = await getIncident(db, id);
    if (!inc) throw new Error(`Unknown incident ${id}`);
    return inc;
  }

  async function keepDraft(
    db: LensDatabase,
    id: string,
    kind: MessageKind,
    fields?: Record<string, string>,
  ) {
    if (fields) await putDraft(db, { incidentId: id, kind, fields, updatedAt: env.now() });
  }

  /** Writes to Statuspage when asked; returns the Statuspage id, or the error. */
  async function maybePublish(
    db: LensDatabase,
    inc: IncidentRecord,
    text: string,
    target: PublishTarget | undefined,
  ): Promise<{ ok: true; spId?: string } | { ok: false; error: StatuspageError }> {
    if (!target) return { ok: true };
    const conn = await getSetting(db, 'statuspage');
    if (!conn) return { ok: false, error: { kind: 'not_connected' } };
    const r = await publishIncident(conn, client, inc, text, target);
    return r.ok ? { ok: true, spId: r.value.id } : r;
  }

  const event = (
    incidentId: string,
    type: EventRecord['type'],
    at: number,
    text: string,
  ): EventRecord => ({
    id: env.newId(),
    incidentId,
    type,
    at,
    text,
  });

  return {
    async 'incidents/publish'(req) {
      const db = await env.db();
      const before = await mustGet(db, req.id);
      if (req.via === 'statuspage' && !isStatusPageKind(req.kind))
        throw new Error(`${req.kind} is not a status-page message`);
      if (req.text.trim() === '') throw new Error('Nothing to publish');
      await keepDraft(db, req.id, req.kind, req.fields);
      const sp = await maybePublish(
        db,
        before,
        req.text,
        req.via === 'statuspage' ? req.target : undefined,
      );
      if (!sp.ok) return sp;
      const inc = await mustGet(db, req.id);
      const now = env.now();
      const e = event(inc.id, EVENT_FOR_KIND[req.kind], now, req.text);
      // A promised next update later than now holds the cadence duty to it (the core decides).
      if (typeof req.nextUpdateAt === 'number' && Number.isFinite(req.nextUpdateAt))
        e.nextUpdateAt = req.nextUpdateAt;
      await saveIncident(
        db,
        { ...inc, updatedAt: now, ...(sp.spId ? { statuspageIncidentId: sp.spId } : {}) },
        [e],
      );
      await deleteDraft(db, inc.id, req.kind);
      return { ok: true, eventId: e.id, ...(sp.spId ? { statuspageIncidentId: sp.spId } : {}) };
    },

    async 'incidents/resolve'(req) {
      const db = await env.db();
      const before = await mustGet(db, req.id);
      if (before.status === 'resolved') return { ok: false, error: { kind: 'already_resolved' } };
      const now = env.now();
      let at = req.at ?? now;
      if (!Number.isFinite(at) || at > now + SKEW_MS)
        throw new Error('The resolved time cannot be in the future');
      // Time inputs have minute precision: the minute the incident started is not "before" it.
      if (at < before.startedAt && at > before.startedAt - MINUTE) at = before.startedAt;
      if (at < before.startedAt)
        throw new Error('The resolved time is before the incident started');
      if (req.text.trim() === '') throw new Error('The resolution message is empty');
      await keepDraft(db, req.id, 'resolution', req.fields);
      const sp = await maybePublish(db, before, req.text, req.publish);
      if (!sp.ok) return sp;
      const inc = await mustGet(db, req.id);
      const resolved: IncidentRecord = {
        ...inc,
        status: 'resolved',
        resolvedAt: at,
        updatedAt: now,
        ...(sp.spId ? { statuspageIncidentId: sp.spId } : {}),
      };
      await saveIncident(db, resolved, [event(inc.id, 'resolved', at, req.text)]);
      await deleteDraft(db, inc.id, 'resolution');
      const policy = await getSetting(db, 'policy');
      return { ok: true, incident: resolved, postmortemDueAt: at + policy.postmortemHours * HOUR };
    },

    async 'incidents/link'(req) {
      const db = await env.db();
      const inc = await mustGet(db, req.id);
      const { linked: _old, ...rest } = inc;
      if (req.link === null) {
        await saveIncident(db, { ...rest, updatedAt: env.now() });
        return { ...rest, updatedAt: env.now() };
      }
      const rec = await db.get('feedIncidents', feedKey(req.link.sourceId, req.link.incidentId));
      if (!rec) throw new Error('That feed incident is not known (any more)');
      const next = {
        ...rest,
        linked: { sourceId: req.link.sourceId, incidentId: req.link.incidentId },
        updatedAt: env.now(),
      };
      await saveIncident(db, next);
      return next;
    },

    async 'drafts/save'(req) {
      const db = await env.db();
      await mustGet(db, req.incidentId);
      await putDraft(db, {
        incidentId: req.incidentId,
        kind: req.kind,
        fields: { ...req.fields },
        updatedAt: env.now(),
      });
      return null;
    },

    async 'drafts/discard'(req) {
      const db = await env.db();
      if (await getDraft(db, req.incidentId, req.kind))
        await deleteDraft(db, req.incidentId, req.kind);
      return null;
    },

    ...statuspageHandlers(env, client),
  };
}
