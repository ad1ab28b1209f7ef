import { computeObligations } from '../../../core/obligations';
import type { Channel, Impact, ObligationStatus, Policy, Severity } from '../../../core/types';
import type {
  EventRecord,
  FeedIncidentRecord,
  IncidentRecord,
  TeamMarkRecord,
} from '../../db/schema';
import type { OverlayIncident } from '../../messaging/overlay-state';

/**
 * Team mode's part of the overlay projection (pure, like projection.ts):
 * - duties of a feed incident marked done by anyone in the team (the replicated `marks` store)
 *   count as done here too, with who did it and when;
 * - incidents the team declared that are not public yet are shown to agents as internal items,
 *   with their duties and who met them, and no customer reply.
 */

/** Who did a duty, and when: by rule id. */
export type DoneBy = NonNullable<OverlayIncident['doneBy']>;

const who = (a: { name: string; display: string } | undefined): string | undefined =>
  a?.display || a?.name || undefined;

/**
 * A feed incident's done duties: this browser's own marks plus the team's for the same feed URL
 * and incident (the first mark of each duty counts: it is when the duty was met).
 */
export function mergedDone(
  rec: FeedIncidentRecord,
  teamMarks: readonly TeamMarkRecord[] | undefined,
): NonNullable<FeedIncidentRecord['done']> {
  const out = new Map((rec.done ?? []).map((d) => [d.obligationId, d]));
  for (const m of teamMarks ?? []) {
    const by = who(m.author);
    const mine = out.get(m.obligationId);
    if (!mine || m.at < mine.at || (m.at === mine.at && !mine.by))
      out.set(m.obligationId, { obligationId: m.obligationId, at: m.at, ...(by ? { by } : {}) });
  }
  return [...out.values()];
}

/** The named marks of a feed incident's done duties (a mark nobody signed shows no name). */
export function doneByOf(done: FeedIncidentRecord['done']): DoneBy | undefined {
  const named = (done ?? []).filter((d) => d.by);
  if (named.length === 0) return undefined;
  return Object.fromEntries(named.map((d) => [d.obligationId, { by: d.by!, at: d.at }]));
}

/** An internal item's key in the overlay: its own pseudo-source, apart from every feed. */
export const INTERNAL_SOURCE = 'team';

/** The channels an agent's overlay shows duties of (the rest are the responders' business). */
const AGENT_CHANNELS: readonly Channel[] = ['status_page', 'customer_email', 'exec'];

const IMPACT: Record<Severity, Impact> = { 1: 'critical', 2: 'major', 3: 'minor', 4: 'none' };

/**
 * Whether a local incident is one the team declared and has not made public yet: open, written by
 * a team user (local-only records carry no author and stay out of the overlay, as before), never
 * published through the Statuspage API and not linked to a feed incident the overlay shows.
 */
export function isInternal(i: IncidentRecord, shownFeedKeys: ReadonlySet<string>): boolean {
  if (i.status !== 'open' || !i.createdBy?.name) return false;
  if (i.statuspageIncidentId) return false;
  return !(i.linked && shownFeedKeys.has(`${i.linked.sourceId}|${i.linked.incidentId}`));
}

/** Who met each met duty: the author of the event that met it (the latest for a recurring one). */
function metBy(obligations: readonly ObligationStatus[], events: readonly EventRecord[]): DoneBy {
  const out: DoneBy = {};
  for (const o of obligations) {
    const at = o.metAt ?? o.lastMetAt;
    if (at === undefined) continue;
    const same = events.filter((e) => e.at === at);
    const e =
      same.find((x) => x.type === 'obligation_met' && x.obligationId === o.ruleId) ??
      same.find((x) => x.type !== 'obligation_met');
    const by = who(e?.author);
    if (by) out[o.ruleId] = { by, at };
  }
  return out;
}

/** A team-declared incident as an overlay item, labelled internal (see `isInternal`). */
export function internalItem(
  incident: IncidentRecord,
  events: readonly EventRecord[],
  policy: Policy,
  now: number,
): OverlayIncident {
  const obligations = computeObligations(
    {
      events,
      publiclyVisible: incident.publiclyVisible,
      ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
    },
    policy,
    now,
  ).filter((o) => AGENT_CHANNELS.includes(o.channel));
  const doneBy = metBy(obligations, events);
  const declaredBy = who(incident.createdBy);
  return {
    sourceId: INTERNAL_SOURCE,
    sourceName: '',
    incident: {
      id: incident.id,
      kind: 'incident',
      name: incident.title,
      status: 'investigating',
      impact: incident.severity ? IMPACT[incident.severity] : 'none',
      severity: incident.severity,
      createdAt: incident.declaredAt,
      updatedAt: incident.lastAt ?? incident.declaredAt,
      startedAt: incident.startedAt,
      components: incident.components.map((name) => ({ name })),
      // Nothing public yet: no update, so no customer reply is built from one.
      updates: [],
    },
    obligations,
    internal: declaredBy ? { declaredBy } : {},
    ...(Object.keys(doneBy).length > 0 ? { doneBy } : {}),
  };
}
