/**
 * The summaries' stamp is stored (schema.ts SummaryRecord.stamp): a faster way of taking it must
 * give the very same text, or every summary written before would be taken for stale.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Severity } from '../../core/types';
import type { FeedIncidentRecord, IncidentRecord } from './schema';
import { summaryStamp } from './summaries';
import { incidentRecord } from './incident-record.test-kit';

/** The stamp as first written: FNV-1a of JSON.stringify([record, policy or null, posts]). */
function stampAsStored(
  incident: IncidentRecord,
  policy: unknown,
  feed: FeedIncidentRecord | undefined,
): string {
  const { lastBy: _b, lastAt: _a, createdBy: _c, ...record } = incident;
  const posts = feed?.incident.updates?.map((u) => [u.id, u.displayAt]) ?? (feed ? [] : null);
  const s = JSON.stringify([record, incident.policy ? null : policy, posts]);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

test('the stamp is the stored one for any record, policy and linked feed, the policy reused', () => {
  const other = structuredClone(DEFAULT_POLICY);
  other.updateCadenceMinutes = 45;
  fc.assert(
    fc.property(
      fc.string(),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
      fc.boolean(),
      fc.array(fc.tuple(fc.string(), fc.nat()), { maxLength: 3 }),
      fc.option(fc.string()),
      (title, severity, ownPolicy, useOther, posts, lastBy) => {
        const base = incidentRecord('inc-1', 1, {
          at: 1_000,
          severity: severity as Severity,
          open: true,
          resolvedAt: 0,
        });
        const incident: IncidentRecord = {
          ...base,
          title,
          ...(ownPolicy ? { policy: other } : {}),
          ...(lastBy === null ? {} : { lastBy: { name: lastBy, display: lastBy }, lastAt: 5 }),
        };
        const feed = posts.length
          ? ({
              key: 'k',
              incident: { updates: posts.map(([id, displayAt]) => ({ id, displayAt })) },
            } as unknown as FeedIncidentRecord)
          : undefined;
        const policy = useOther ? other : DEFAULT_POLICY;
        // Twice: the second time the policy's JSON is the one kept from the first.
        for (let k = 0; k < 2; k++)
          expect(summaryStamp(incident, policy, feed)).toBe(stampAsStored(incident, policy, feed));
      },
    ),
  );
});
