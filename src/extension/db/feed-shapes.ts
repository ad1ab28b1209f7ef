import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  INDICATOR_RANKS,
  MAINTENANCE_STATUSES,
  UNKNOWN,
} from '../../core/vocabulary';
import { arr, bool, nullable, num, obj, oneOf, opt, str } from './shape';

/** Shapes of the normalized feed model (core/types.ts) as stored in snapshots and feed incidents. */

export const severity = oneOf(1, 2, 3, 4);
const impact = oneOf(...INDICATOR_RANKS);
const status = oneOf(...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES, UNKNOWN);
const componentStatus = oneOf(...COMPONENT_STATUSES, UNKNOWN);
export const problem = obj({ path: str, message: str });

const componentRef = obj({
  id: opt(str),
  name: str,
  oldStatus: opt(componentStatus),
  newStatus: opt(componentStatus),
});

const feedUpdate = obj({
  id: str,
  status,
  body: str,
  createdAt: num,
  displayAt: num,
  updatedAt: opt(num),
  affectedComponents: arr(componentRef),
});

export const feedIncident = obj({
  id: str,
  kind: oneOf('incident', 'maintenance'),
  name: str,
  status,
  impact,
  severity: nullable(severity),
  createdAt: num,
  updatedAt: num,
  ...Object.fromEntries(
    ['startedAt', 'monitoringAt', 'resolvedAt', 'scheduledFor', 'scheduledUntil'].map((k) => [
      k,
      opt(num),
    ]),
  ),
  shortlink: opt(str),
  pageId: opt(str),
  components: arr(componentRef),
  updates: arr(feedUpdate),
});

export const feed = obj({
  page: obj({
    id: opt(str),
    name: opt(str),
    url: opt(str),
    timeZone: opt(str),
    updatedAt: opt(num),
  }),
  indicator: impact,
  description: str,
  incidents: arr(feedIncident),
  maintenances: arr(feedIncident),
  components: arr(
    obj({
      id: str,
      name: str,
      status: componentStatus,
      groupId: nullable(str),
      isGroup: bool,
      children: arr(str),
    }),
  ),
});
