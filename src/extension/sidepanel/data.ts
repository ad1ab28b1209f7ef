import { computeObligations, nextDeadline } from '../../core/obligations';
import type { ObligationStatus, Policy } from '../../core/types';
import { eventsWithLinked } from '../background/linked';
import { draftsOf } from '../db/drafts';
import { getIncident, listIncidents } from '../db/incidents';
import type { LensDatabase } from '../db/open';
import type { DraftRecord, EventRecord, IncidentRecord } from '../db/schema';
import { getSetting } from '../db/settings';
import type { FeedOption } from '../responder/LinkPanel';

/** One row of the incident lists. */
export interface ListItem {
  incident: IncidentRecord;
  /** The deadline to act on next (open incidents) or the post-mortem deadline (resolved ones). */
  next: ObligationStatus | null;
}

/** The side panel's home: open incidents, and resolved ones waiting for their review. */
export interface ListData {
  open: ListItem[];
  reviews: ListItem[];
}

const obligationsOf = async (
  db: LensDatabase,
  incident: IncidentRecord,
  policy: Policy,
  now: number,
) =>
  computeObligations(
    {
      events: await eventsWithLinked(db, incident),
      publiclyVisible: incident.publiclyVisible,
      ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
    },
    policy,
    now,
  );

/** Reads the lists (most recently declared first). */
export async function readList(db: LensDatabase, now: number): Promise<ListData> {
  const policy = await getSetting(db, 'policy');
  const all = await listIncidents(db);
  const items = await Promise.all(
    all.map(async (incident) => {
      const obligations = await obligationsOf(db, incident, policy, now);
      const next =
        incident.status === 'resolved'
          ? (obligations.find((o) => o.ruleId === 'postmortem' && o.dueAt !== null) ?? null)
          : nextDeadline(obligations);
      return { incident, next };
    }),
  );
  return {
    open: items.filter((i) => i.incident.status === 'open'),
    reviews: items.filter((i) => i.incident.status === 'resolved'),
  };
}

/** Everything one incident's workspace shows. */
export interface IncidentData {
  incident: IncidentRecord;
  /** Own events plus the linked feed's posts. */
  events: EventRecord[];
  drafts: DraftRecord[];
  policy: Policy;
  templates: Record<string, string>;
  feedOptions: FeedOption[];
}

/** Reads one incident's workspace, or null when there is no such incident. */
export async function readIncident(db: LensDatabase, id: string): Promise<IncidentData | null> {
  const incident = await getIncident(db, id);
  if (!incident) return null;
  const [events, drafts, policy, templates, feeds, sources] = await Promise.all([
    eventsWithLinked(db, incident),
    draftsOf(db, id),
    getSetting(db, 'policy'),
    getSetting(db, 'templates'),
    db.getAllFromIndex('feedIncidents', 'by-active', 1),
    db.getAll('sources'),
  ]);
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const feedOptions = feeds
    .filter((f) => f.incident.kind === 'incident')
    .map((f) => ({
      sourceId: f.sourceId,
      sourceName: names.get(f.sourceId) ?? f.sourceId,
      incidentId: f.incident.id,
      name: f.incident.name,
    }));
  return { incident, events, drafts, policy, templates, feedOptions };
}
