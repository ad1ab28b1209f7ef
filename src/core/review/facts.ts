/**
 * The measured facts of an incident that a review reports: when impact began, how long it lasted,
 * how long it took to notice and to fix, and how bad it got at worst.
 *
 * Definitions (the three add up: duration = time to detect + time to resolve):
 * - start: when impact began (`startedAt`, which may precede the declaration); the declaration when
 *   no start was recorded;
 * - time to detect: start → the first `declared` event;
 * - time to resolve: the declaration → the last `resolved` event;
 * - duration: start → the last `resolved` event.
 * Minutes are rounded up, as in `incidentDurationMinutes` (a 61-second outage is 2 minutes).
 */
import type { Severity, TimelineEvent } from '../types';

export interface IncidentFacts {
  startedAt?: number;
  durationMinutes?: number;
  timeToDetectMinutes?: number;
  timeToResolveMinutes?: number;
  peakSeverity?: Severity;
}

const minutes = (from: number, to: number): number | undefined =>
  to >= from ? Math.ceil((to - from) / 60_000) : undefined;

/** The most severe level the incident was ever classified at (SEV-1 is the most severe). */
export function peakSeverity(events: readonly TimelineEvent[]): Severity | null {
  let peak: Severity | null = null;
  for (const e of events) {
    if (e.type !== 'classified' && e.type !== 'reclassified') continue;
    const s = e.severity;
    if (s !== 1 && s !== 2 && s !== 3 && s !== 4) continue;
    if (peak === null || s < peak) peak = s;
  }
  return peak;
}

/** The facts above from the timeline and the recorded start of impact (see the module comment). */
export function incidentFacts(events: readonly TimelineEvent[], startedAt?: number): IncidentFacts {
  const times = (type: TimelineEvent['type']) =>
    events.filter((e) => e.type === type && Number.isFinite(e.at)).map((e) => e.at);
  const declared = times('declared');
  const resolved = times('resolved');
  const declaredAt = declared.length > 0 ? Math.min(...declared) : undefined;
  const resolvedAt = resolved.length > 0 ? Math.max(...resolved) : undefined;
  const start =
    typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : declaredAt;
  const out: IncidentFacts = {};
  if (start !== undefined) out.startedAt = start;
  const put = (key: keyof Omit<IncidentFacts, 'peakSeverity' | 'startedAt'>, v?: number) => {
    if (v !== undefined) out[key] = v;
  };
  if (start !== undefined && resolvedAt !== undefined)
    put('durationMinutes', minutes(start, resolvedAt));
  if (start !== undefined && declaredAt !== undefined)
    put('timeToDetectMinutes', minutes(start, declaredAt));
  if (declaredAt !== undefined && resolvedAt !== undefined)
    put('timeToResolveMinutes', minutes(declaredAt, resolvedAt));
  const peak = peakSeverity(events);
  if (peak !== null) out.peakSeverity = peak;
  return out;
}

/** A link kept only when it is https (untrusted text never becomes a script or plain-http link). */
export function httpsOnly(url: string | undefined): string | undefined {
  const u = url?.trim();
  return u && /^https:\/\/[^\s]+$/i.test(u) ? u : undefined;
}
