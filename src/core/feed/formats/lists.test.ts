import { describe, expect, it } from 'vitest';
import { incidentList } from './lists';

describe('incidentList: does a 200 carry its incident list (issue 16 #6)', () => {
  it.each([
    ['statuspage', { incidents: [] }, 'listed'],
    ['statuspage', [], 'listed'],
    ['statuspage', { incidents: null }, 'broken'],
    ['statuspage', { status: { indicator: 'none' } }, 'missing'],
    ['statuspage', { components: [] }, 'missing'],
    ['incidentio', { ongoing_incidents: [], in_progress_maintenances: [] }, 'listed'],
    ['incidentio', { ongoing_incidents: 'none', in_progress_maintenances: [] }, 'broken'],
    ['incidentio', { in_progress_maintenances: [] }, 'missing'],
    // Instatus leaves activeIncidents out when there are none
    ['instatus', { page: { status: 'UP' } }, 'listed'],
    ['instatus', { page: { status: 'HASISSUES' }, activeIncidents: [] }, 'listed'],
    ['instatus', { page: { status: 'UP' }, activeIncidents: null }, 'broken'],
    ['instatus', { activeMaintenances: [] }, 'missing'],
    ['betterstack', { data: {}, included: [] }, 'listed'],
    ['betterstack', { data: {}, included: {} }, 'broken'],
    ['openstatus', { statusReports: [] }, 'listed'],
    ['openstatus', { pageComponents: [] }, 'missing'],
    ['cachet', { data: [{ id: 1, human_status: 'Fixed' }] }, 'listed'],
    ['cachet', { data: [{ id: 1, status_name: 'Operational' }] }, 'missing'],
    ['atom', '<feed></feed>', 'listed'],
    ['rss', '<rss><channel></channel></rss>', 'listed'],
    ['unknown', { hello: 1 }, 'missing'],
  ] as const)('%s %j: %s', (format, body, expected) => {
    expect(incidentList(format, body)).toBe(expected);
  });
});
