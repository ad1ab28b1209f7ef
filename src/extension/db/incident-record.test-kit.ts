import type { Severity } from '../../core/types';
import type { IncidentRecord } from './schema';

/**
 * A declared incident's record for tests: `Incident <n>`, public, no components, started, declared
 * and last updated at `at`; resolved at `resolvedAt` unless `open`. The tests vary only these.
 */
export function incidentRecord(
  id: string,
  n: number,
  {
    at,
    severity,
    open,
    resolvedAt,
  }: { at: number; severity: Severity; open: boolean; resolvedAt: number },
): IncidentRecord {
  return {
    id,
    title: `Incident ${n}`,
    components: [],
    publiclyVisible: true,
    startedAt: at,
    declaredAt: at,
    status: open ? 'open' : 'resolved',
    severity,
    updatedAt: at,
    ...(open ? {} : { resolvedAt }),
  };
}
