import { classify } from '../../../core/classify';
import { MAX_EVENTS_PER_INCIDENT } from '../../db/backup';
import { severityLabel } from '../../../core/feed';
import { classificationOf } from '../../../core/policy';
import { currentSeverity } from '../../../core/obligations';
import type { Severity, TimelineEventType } from '../../../core/types';
import {
  hasAtLeastEvents,
  eventsOf,
  getEvent,
  getIncident,
  incidentPolicy,
  saveIncident,
} from '../../db/incidents';
import { getSetting } from '../../db/settings';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import type { Handlers } from '../../messaging/channel';
import type { Deps } from '../../background/deps';
import type { IncidentCommands } from '../protocol';
import { optText, text, time } from '../../../core/validate';
import { payload } from '../../background/input';

/** Recorded through their own commands, never through `incidents/record`. */
const NOT_RECORDABLE: readonly TimelineEventType[] = ['declared', 'classified', 'reclassified'];
/**
 * Events one incident may hold: a real one has hundreds; 100,000 cost 1.7 s per refresh
 * (issue 16, item 14). Backups are held to the same bound (db/backup.ts).
 */
export { MAX_EVENTS_PER_INCIDENT };
/** Clock skew tolerated for times a view sends (its clock is the same machine's, but rounding). */
const SKEW_MS = 60_000;

const isSeverity = (v: unknown): v is Severity => v === 1 || v === 2 || v === 3 || v === 4;

async function mustGet(deps: Deps, id: unknown): Promise<IncidentRecord> {
  const incident = await getIncident(await deps.db(), text(id, 'The incident id'));
  if (!incident) throw new Error('This incident does not exist.');
  return incident;
}

function notFuture(deps: Deps, at: number, field: string): number {
  if (at > deps.now() + SKEW_MS) throw new Error(`${field} cannot be in the future.`);
  return at;
}

/** Handlers for the responder's timeline: the data side of declare, classify, record and edit. */
export function incidentHandlers(deps: Deps): Pick<Handlers, keyof IncidentCommands> {
  const event = (incidentId: string, e: Omit<EventRecord, 'id' | 'incidentId'>): EventRecord => ({
    id: deps.newId(),
    incidentId,
    ...e,
  });
  return {
    async 'incidents/declare'(p) {
      payload(p);
      const now = deps.now();
      if (!Array.isArray(p.components)) throw new Error('The affected components must be a list.');
      const incident: IncidentRecord = {
        id: deps.newId(),
        title: text(p.title, 'The title', 300),
        components: p.components.map((c) => text(c, 'A component', 200)),
        publiclyVisible: p.publiclyVisible === true,
        startedAt:
          p.startedAt === undefined
            ? now
            : notFuture(deps, time(p.startedAt, 'The start time'), 'The start time'),
        declaredAt: now,
        status: 'open',
        severity: null,
        updatedAt: now,
        // The rules it runs on from now on: a later policy edit applies to new incidents only.
        policy: await getSetting(await deps.db(), 'policy'),
      };
      await saveIncident(await deps.db(), incident, [
        event(incident.id, { type: 'declared', at: now }),
      ]);
      return incident;
    },

    async 'incidents/classify'(p) {
      payload(p);
      const incident = await mustGet(deps, p.id);
      if (!isSeverity(p.severity)) throw new Error('The severity must be SEV-1 to SEV-4.');
      if (typeof p.answers !== 'object' || p.answers === null)
        throw new Error('The answers are missing.');
      // The threshold of the policy the incident runs on (the one it was declared under), as the form shows.
      const policy = incidentPolicy(incident, await getSetting(await deps.db(), 'policy'));
      const suggested = classify(p.answers, classificationOf(policy)).severity;
      const reason = optText(p.overrideReason, 'The override reason', 2000)?.trim();
      if (p.severity !== suggested && !reason) {
        throw new Error(`Overriding the suggested ${severityLabel(suggested)} needs a reason.`);
      }
      const now = deps.now();
      const before = currentSeverity(await eventsOf(await deps.db(), incident.id));
      // A downgrade relaxes what customers and executives were owed: it is never one click.
      if (before !== null && p.severity > before && !reason)
        throw new Error(`Lowering the severity from ${severityLabel(before)} needs a reason.`);
      const type = before === null ? 'classified' : 'reclassified';
      const next: IncidentRecord = {
        ...incident,
        severity: p.severity,
        answers: p.answers,
        ...(typeof p.answers.publiclyVisible === 'boolean'
          ? { publiclyVisible: p.answers.publiclyVisible }
          : {}),
        ...(typeof p.answers.commonlyUsed === 'boolean'
          ? { commonlyUsed: p.answers.commonlyUsed }
          : {}),
        updatedAt: now,
      };
      const e = event(incident.id, {
        type,
        at: now,
        severity: p.severity,
        ...(reason ? { text: reason } : {}),
      });
      await saveIncident(await deps.db(), next, [e]);
      return next;
    },

    async 'incidents/record'(p) {
      payload(p);
      const incident = await mustGet(deps, p.id);
      if (NOT_RECORDABLE.includes(p.type))
        throw new Error(`"${p.type}" is recorded by its own command.`);
      const at =
        p.at === undefined ? deps.now() : notFuture(deps, time(p.at, 'The time'), 'The time');
      const obligationId = optText(p.obligationId, 'The obligation id', 200);
      if (p.type === 'obligation_met' && !obligationId)
        throw new Error('Which obligation was met?');
      if (p.type === 'resolved' && incident.status === 'resolved')
        throw new Error('This incident is already resolved.');
      // Obligations read an open incident's whole timeline on every refresh: it stays bounded.
      if (await hasAtLeastEvents(await deps.db(), incident.id, MAX_EVENTS_PER_INCIDENT))
        throw new Error(
          `This incident's timeline is full (${MAX_EVENTS_PER_INCIDENT} events). Declare a follow-up incident for further notes.`,
        );
      const e = event(incident.id, {
        type: p.type,
        at,
        ...(obligationId ? { obligationId } : {}),
        ...(p.text !== undefined ? { text: optText(p.text, 'The text', 20_000) ?? '' } : {}),
      });
      const next: IncidentRecord = { ...incident, updatedAt: deps.now() };
      if (p.type === 'resolved') Object.assign(next, { status: 'resolved', resolvedAt: at });
      // Denormalised for the lists (see IncidentRecord.reviewPublishedAt): the earliest publication.
      if (p.type === 'review_published')
        next.reviewPublishedAt = Math.min(at, incident.reviewPublishedAt ?? at);
      await saveIncident(await deps.db(), next, [e]);
      return null;
    },

    async 'incidents/editEvent'(p) {
      payload(p);
      const incident = await mustGet(deps, p.id);
      const db = await deps.db();
      const old = await getEvent(db, incident.id, text(p.eventId, 'The event id'));
      if (!old || old.incidentId !== incident.id)
        throw new Error('This event is not in this incident.');
      const reason = text(p.reason, 'The reason for the edit', 2000);
      const at = notFuture(deps, time(p.at, 'The new time'), 'The new time');
      const now = deps.now();
      const edited: EventRecord = {
        ...old,
        at,
        edits: [...(old.edits ?? []), { editedAt: now, previousAt: old.at, reason }],
      };
      const timeline = (await eventsOf(db, incident.id)).map((e) =>
        e.id === edited.id ? edited : e,
      );
      const resolved = timeline.filter((e) => e.type === 'resolved').sort((a, b) => a.at - b.at);
      const next: IncidentRecord = { ...incident, updatedAt: now };
      const last = resolved[resolved.length - 1];
      if (last) next.resolvedAt = last.at;
      const published = timeline.filter((e) => e.type === 'review_published').map((e) => e.at);
      if (published.length) next.reviewPublishedAt = Math.min(...published);
      // The incident summary and the edited event change together, in one transaction.
      await saveIncident(db, next, [edited]);
      return null;
    },
  };
}
