import type { IncidentRecord } from '../db/schema';
import { impactFor } from '../responder/kinds';
import type { PublishTarget } from '../responder/protocol';
import { StatuspageClient, type ClientEnv } from './client';
import type {
  IncidentWrite,
  StatuspageConnection,
  StatuspageIncident,
  StatuspageResult,
} from './types';

/** The write for a local incident: its title as the name, the message as the body, its components' status. */
export function writeFor(
  incident: Pick<IncidentRecord, 'title' | 'severity'>,
  text: string,
  target: PublishTarget,
): IncidentWrite {
  const components: IncidentWrite['components'] = {};
  for (const id of target.componentIds) {
    const cid = id.trim();
    if (cid !== '') components[cid] = target.componentStatus;
  }
  const impact = impactFor(incident.severity);
  return {
    name: incident.title,
    status: target.status,
    body: text,
    ...(impact ? { impactOverride: impact } : {}),
    components,
  };
}

/**
 * Creates the incident on Statuspage the first time, and updates it (PATCH) once it has an id.
 * Resolves to the API's incident or a typed error; never throws.
 */
export function publishIncident(
  conn: StatuspageConnection,
  env: ClientEnv,
  incident: Pick<IncidentRecord, 'title' | 'severity' | 'statuspageIncidentId'>,
  text: string,
  target: PublishTarget,
): Promise<StatuspageResult<StatuspageIncident>> {
  const client = new StatuspageClient(conn, env);
  const write = writeFor(incident, text, target);
  return incident.statuspageIncidentId
    ? client.updateIncident(incident.statuspageIncidentId, write)
    : client.createIncident(write);
}
