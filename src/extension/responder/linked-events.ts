import type { LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord } from '../db/schema';
import { feedKey } from '../db/sources';
import { eventsOf } from '../db/incidents';
import { linkedUpdateEvents, withLinkedUpdates } from './feed-link';

/**
 * An incident's timeline with the public updates of its linked feed incident merged in as
 * `update_posted` events, so feed posts count as posted updates. Every obligation computation for
 * responder incidents (notifications, badge, side panel) should go through this.
 */
export async function eventsWithLinked(
  db: LensDatabase,
  incident: Pick<IncidentRecord, 'id' | 'linked'>,
  events?: EventRecord[],
): Promise<EventRecord[]> {
  const own = events ?? (await eventsOf(db, incident.id));
  const linked = await linkedEventsOf(db, incident);
  return linked.length ? withLinkedUpdates(own, linked) : own;
}

/** The linked feed incident's public updates as events of `incident` (none when not linked). */
export async function linkedEventsOf(
  db: LensDatabase,
  incident: Pick<IncidentRecord, 'id' | 'linked'>,
): Promise<EventRecord[]> {
  if (!incident.linked) return [];
  const rec = await db.get(
    'feedIncidents',
    feedKey(incident.linked.sourceId, incident.linked.incidentId),
  );
  return rec ? linkedUpdateEvents(incident.id, incident.linked, rec.incident) : [];
}
