/**
 * The fingerprints a summary (summaries.ts) and its dashboard copy (open-comms.ts) carry, so a
 * reader can tell whether they still match the incident record, the policy and the linked feed
 * incident. Apart from summaries.ts so open-comms.ts checks them without importing it (summaries.ts
 * imports open-comms.ts).
 */
import type { Policy } from '../../core/types';
import type { FeedIncidentRecord, IncidentRecord } from './schema';

/** FNV-1a's offset basis (32 bits). */
const FNV_START = 0x811c9dc5;

/** FNV-1a (32 bits) of `s`, continued from `h`: hashing pieces one after another hashes their join. */
function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a (32 bits) in hex: a short fingerprint, not a security measure. */
function fnv(s: string): string {
  return (fnvOn(FNV_START, s) >>> 0).toString(16);
}

/** A feed incident's updates as [id, time] pairs (`updates` optional, as in sources.ts). */
const postsOf = (incident: { updates?: readonly { id: string; displayAt: number }[] }) =>
  incident.updates?.map((u) => [u.id, u.displayAt]) ?? [];

/**
 * The fingerprint of a summary's inputs other than the incident's own events: the record (without
 * the team's who-wrote-it fields, which the projection adds), the policy it runs on and the linked
 * feed incident's updates.
 */
export function summaryStamp(
  incident: IncidentRecord,
  policy: Policy,
  feed: FeedIncidentRecord | undefined,
): string {
  const { lastBy: _b, lastAt: _a, createdBy: _c, ...record } = incident;
  const posts = feed ? postsOf(feed.incident) : null;
  // The hash of the text JSON.stringify([record, policy or null, posts]), with the policy's JSON
  // written once per policy: a refresh or the dashboard stamps thousands of incidents with one.
  // Hashed piece by piece: joining them made a string of the policy's length per incident, most
  // of a refresh's garbage with 10,000 open (issue 22).
  const own = incident.policy ? 'null' : policyJson(policy);
  let h = fnvOn(fnvOn(FNV_START, '['), JSON.stringify(record));
  h = fnvOn(fnvOn(fnvOn(h, ','), own), ',');
  return (fnvOn(fnvOn(h, JSON.stringify(posts)), ']') >>> 0).toString(16);
}

/** Each policy object's JSON, kept while the object lives (policies are values, never mutated). */
const policyJsons = new WeakMap<Policy, string>();
function policyJson(policy: Policy): string {
  let json = policyJsons.get(policy);
  if (json === undefined) policyJsons.set(policy, (json = JSON.stringify(policy)));
  return json;
}

/** The fingerprint of a policy, kept on each tally: one judged by another policy is not used. */
export const policyStamp = (policy: Policy): string => fnv(policyJson(policy));
