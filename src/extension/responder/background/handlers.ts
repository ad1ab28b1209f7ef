import { deleteDraft, getDraft, putDraft } from '../../db/drafts';
import { getIncident, incidentPolicy, saveIncident } from '../../db/incidents';
import type { LensDatabase } from '../../db/open';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { getSetting } from '../../db/settings';
import { loadConnection } from '../../db/secrets';
import { feedKey } from '../../db/sources';
import { EVENT_FOR_KIND, isStatusPageKind } from '../kinds';
import type { MessageKind, PublishTarget, ResponderCommands } from '../protocol';
import { StatuspageClient } from '../../statuspage/client';
import { componentsFor, publishIncident } from '../../statuspage/publish';
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

  /** What a successful write changes on the incident: its id, link and components. */
  type Published = Pick<
    IncidentRecord,
    'statuspageIncidentId' | 'statuspageShortlink' | 'statuspageComponents'
  >;

  /**
   * Writes to Statuspage when asked; returns what to store on the incident, or the error. A
   * timeout on a create is remembered (`statuspageCreatePendingAt`) so the next try looks first.
   */
  async function maybePublish(
    db: LensDatabase,
    inc: IncidentRecord,
    text: string,
    target: PublishTarget | undefined,
  ): Promise<{ ok: true; sp?: Published } | { ok: false; error: StatuspageError }> {
    if (!target) return { ok: true };
    const conn = await loadConnection(db);
    if (!conn) return { ok: false, error: { kind: 'not_connected' } };
    const r = await publishIncident(conn, client, inc, text, target);
    if (!r.ok) {
      if (r.error.kind === 'maybe_posted' && !inc.statuspageIncidentId) {
        const latest = await mustGet(db, inc.id);
        await saveIncident(db, { ...latest, statuspageCreatePendingAt: env.now() });
      }
      return r;
    }
    return {
      ok: true,
      sp: {
        statuspageIncidentId: r.value.id,
        ...(r.value.shortlink ? { statuspageShortlink: r.value.shortlink } : {}),
        statuspageComponents: componentsFor(inc.statuspageComponents, target),
      },
    };
  }

  /** The incident after a successful write: the publish facts in, the pending create mark out. */
  const withPublished = (inc: IncidentRecord, sp: Published | undefined): IncidentRecord => {
    if (!sp) return inc;
    const { statuspageCreatePendingAt: _done, ...rest } = inc;
    return { ...rest, ...sp };
  };

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
      const title = req.publicTitle?.trim();
      const sp = await maybePublish(
        db,
        title ? { ...before, publicTitle: title } : before,
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
      const next = withPublished(
        { ...inc, updatedAt: now, ...(title ? { publicTitle: title } : {}) },
        sp.sp,
      );
      await saveIncident(db, next, [e]);
      await deleteDraft(db, inc.id, req.kind);
      return {
        ok: true,
        eventId: e.id,
        ...(next.statuspageIncidentId ? { statuspageIncidentId: next.statuspageIncidentId } : {}),
        ...(sp.sp && next.statuspageShortlink ? { shortlink: next.statuspageShortlink } : {}),
      };
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
      // Only an incident that is on the page gets a public resolution: a never-published one
      // (unclassified, not public, or just not posted) must not appear already resolved.
      if (req.publish && !before.statuspageIncidentId)
        return { ok: false, error: { kind: 'never_published' } };
      const sp = await maybePublish(
        db,
        before,
        req.text,
        req.publish && { ...req.publish, status: 'resolved' },
      );
      if (!sp.ok) return sp;
      const inc = await mustGet(db, req.id);
      const resolved: IncidentRecord = {
        ...withPublished(inc, sp.sp),
        status: 'resolved',
        resolvedAt: at,
        updatedAt: now,
      };
      await saveIncident(db, resolved, [event(inc.id, 'resolved', at, req.text)]);
      await deleteDraft(db, inc.id, 'resolution');
      const policy = incidentPolicy(inc, await getSetting(db, 'policy'));
      return { ok: true, incident: resolved, postmortemDueAt: at + policy.postmortemHours * HOUR };
    },

    async 'incidents/cancel'(req) {
      const db = await env.db();
      const before = await mustGet(db, req.id);
      if (before.status !== 'open') throw new Error('Only an open incident can be cancelled');
      const reason = req.reason.trim();
      if (reason === '') throw new Error('Say why the incident is cancelled');
      if (before.statuspageIncidentId) {
        const conn = await loadConnection(db);
        if (!conn) return { ok: false, error: { kind: 'not_connected' } };
        const r = await new StatuspageClient(conn, client).deleteIncident(
          before.statuspageIncidentId,
        );
        // Already gone from the page is what a cancel wants.
        if (!r.ok && r.error.kind !== 'not_found') return r;
      }
      const inc = await mustGet(db, req.id);
      const now = env.now();
      const { statuspageIncidentId: _gone, statuspageShortlink: _link, ...rest } = inc;
      const cancelled: IncidentRecord = {
        ...rest,
        status: 'cancelled',
        cancelledAt: now,
        updatedAt: now,
      };
      await saveIncident(db, cancelled, [event(inc.id, 'note', now, `Cancelled: ${reason}`)]);
      return { ok: true, incident: cancelled };
    },

    async 'incidents/unlinkStatuspage'(req) {
      const db = await env.db();
      const inc = await mustGet(db, req.id);
      const {
        statuspageIncidentId: _id,
        statuspageShortlink: _link,
        statuspageCreatePendingAt: _pending,
        ...rest
      } = inc;
      const next = { ...rest, updatedAt: env.now() };
      await saveIncident(db, next);
      return next;
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
