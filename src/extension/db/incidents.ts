import type { LensDatabase } from './open';
import type { EventRecord, IncidentRecord } from './schema';

/** Responder incidents, newest declaration first; optionally only open or resolved ones. */
export async function listIncidents(
  db: LensDatabase,
  status?: IncidentRecord['status'],
): Promise<IncidentRecord[]> {
  const all = status
    ? await db.getAllFromIndex('incidents', 'by-status', status)
    : await db.getAll('incidents');
  return all.sort((a, b) => b.declaredAt - a.declaredAt);
}

/** One responder incident. */
export function getIncident(db: LensDatabase, id: string): Promise<IncidentRecord | undefined> {
  return db.get('incidents', id);
}

/** The timeline of an incident, oldest first (ties keep insertion order by id). */
export async function eventsOf(db: LensDatabase, incidentId: string): Promise<EventRecord[]> {
  const events = await db.getAllFromIndex('events', 'by-incident', incidentId);
  return events.sort((a, b) => a.at - b.at);
}

/**
 * Writes an incident record and appends events to its timeline in one transaction, so a timeline
 * never holds an event whose incident summary (severity, status) was not updated with it.
 */
export async function saveIncident(
  db: LensDatabase,
  incident: IncidentRecord,
  events: EventRecord[] = [],
): Promise<void> {
  const tx = db.transaction(['incidents', 'events'], 'readwrite');
  await Promise.all([
    tx.objectStore('incidents').put(incident),
    ...events.map((e) => tx.objectStore('events').put(e)),
  ]);
  await tx.done;
}

/** Replaces one event (after an edit). */
export async function putEvent(db: LensDatabase, event: EventRecord): Promise<void> {
  await db.put('events', event);
}

/** One event by id. */
export function getEvent(db: LensDatabase, id: string): Promise<EventRecord | undefined> {
  return db.get('events', id);
}
