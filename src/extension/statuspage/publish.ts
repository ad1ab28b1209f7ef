import type { IncidentRecord } from '../db/schema';
import { impactFor } from '../responder/kinds';
import type { PublishTarget } from '../responder/protocol';
import { StatuspageClient, type ClientEnv } from './client';
import type {
  IncidentWrite,
  StatuspageComponentStatus,
  StatuspageConnection,
  StatuspageIncident,
  StatuspageResult,
} from './types';

/** What a publish needs to know about the local incident. */
export type PublishedIncident = Pick<
  IncidentRecord,
  | 'title'
  | 'publicTitle'
  | 'severity'
  | 'statuspageIncidentId'
  | 'statuspageComponents'
  | 'statuspageCreatePendingAt'
>;

/**
 * The components a write sets. Ids chosen for this write take the chosen status; the incident's
 * remembered components keep their state when the write names none (a follow-up update must not
 * clear them); a resolution sets every one, remembered or chosen, back to operational.
 */
export function componentsFor(
  remembered: Record<string, string> | undefined,
  target: PublishTarget,
): Record<string, StatuspageComponentStatus> {
  const chosen = target.componentIds.map((id) => id.trim()).filter((id) => id !== '');
  const out: Record<string, StatuspageComponentStatus> = {};
  const resolving = target.status === 'resolved';
  if (chosen.length === 0 || resolving)
    for (const [id, s] of Object.entries(remembered ?? {}))
      out[id] = resolving ? 'operational' : (s as StatuspageComponentStatus);
  for (const id of chosen) out[id] = resolving ? 'operational' : target.componentStatus;
  return out;
}

/** The write for a local incident: its public title as the name, the message, its components. */
export function writeFor(
  incident: PublishedIncident,
  text: string,
  target: PublishTarget,
): IncidentWrite {
  const impact = impactFor(incident.severity);
  return {
    name: incident.publicTitle?.trim() ?? '',
    status: target.status,
    body: text,
    ...(impact ? { impactOverride: impact } : {}),
    components: componentsFor(incident.statuspageComponents, target),
    deliverNotifications: true,
  };
}

/**
 * Creates the incident on Statuspage the first time, and updates it (PATCH) once it has an id.
 * A create that times out may still have gone through, so it is never simply posted again: the
 * page's unresolved incidents are searched for the same name (right after the timeout, and before
 * the next create while `statuspageCreatePendingAt` is set). Found: that incident is adopted and the
 * message is not posted again. Not
 * found after a timeout: `maybe_posted`, so the view warns before the responder retries.
 * Resolves to the API's incident or a typed error; never throws.
 */
export async function publishIncident(
  conn: StatuspageConnection,
  env: ClientEnv,
  incident: PublishedIncident,
  text: string,
  target: PublishTarget,
): Promise<StatuspageResult<StatuspageIncident>> {
  const client = new StatuspageClient(conn, env);
  const write = writeFor(incident, text, target);
  if (write.name === '') return { ok: false, error: { kind: 'no_public_title' } };
  if (incident.statuspageIncidentId)
    return client.updateIncident(incident.statuspageIncidentId, write);
  const adopt = async (): Promise<StatuspageResult<StatuspageIncident> | null> => {
    const found = await client.findUnresolved(write.name);
    // The create went through with this message: adopt it, and do not post the message twice.
    return found.ok && found.value ? { ok: true, value: found.value } : null;
  };
  if (incident.statuspageCreatePendingAt !== undefined) {
    const adopted = await adopt();
    if (adopted) return adopted;
  }
  const created = await client.createIncident(write);
  if (created.ok || created.error.kind !== 'timeout') return created;
  const adopted = await adopt();
  return adopted ?? { ok: false, error: { kind: 'maybe_posted', seconds: created.error.seconds } };
}
