import type { Severity } from '../../core/types';
import { feedKey } from './feed-key';
import type { FeedIncidentRecord, IncidentRecord } from './schema';

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

/**
 * The feed incident `<sourceId>|<id>` as a poll stores it, seen first at `base`: "Checkout errors",
 * major, investigating, with a post at each time of `posts`.
 */
export function feedIncidentRecord(
  sourceId: string,
  id: string,
  base: number,
  posts: readonly number[],
): FeedIncidentRecord {
  return {
    key: feedKey(sourceId, id),
    sourceId,
    active: 1,
    firstSeenAt: base,
    lastSeenAt: base,
    incident: {
      id,
      kind: 'incident',
      name: 'Checkout errors',
      status: 'investigating',
      impact: 'major',
      severity: 2,
      createdAt: base,
      updatedAt: base,
      components: [],
      updates: posts.map((at, k) => ({
        id: `u${k}`,
        status: 'investigating',
        body: 'Looking into it.',
        createdAt: at,
        displayAt: at,
        affectedComponents: [],
      })),
    },
  };
}
