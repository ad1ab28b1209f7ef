/**
 * Small rules for showing and changing incidents: the order of a list (most severe first), the
 * worst open severity (so nothing says "all operational" while a SEV-1 is open), when a severity
 * choice needs a written reason, and the one impact answer people type (the share of users).
 */
import type { ImpactAnswers, PolicyProblem, Severity } from './types';

/** Rank of a severity in a list: SEV-1 first, unclassified after SEV-4. */
const rank = (s: Severity | null): number => s ?? 5;

/**
 * The list order of an incident as one comparable key (rank, start, id): compared element by
 * element it orders exactly as `bySeverity`, and as an IndexedDB array key it lets an index hand
 * out any stretch of a list in that order without reading the rest (the side panel's virtualised
 * list, issue 22).
 */
export const listOrderKey = (i: {
  id: string;
  severity: Severity | null;
  startedAt: number;
}): [number, number, string] => [rank(i.severity), i.startedAt, i.id];

/**
 * Comparator for incident lists: the most severe first (SEV-1 above SEV-2), unclassified last;
 * within a level the longest running first; then by id, so the order is stable.
 */
export function bySeverity(
  a: { id: string; severity: Severity | null; startedAt: number },
  b: { id: string; severity: Severity | null; startedAt: number },
): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    a.startedAt - b.startedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The most severe severity among `items` (SEV-1 is the most severe), or null when none is classified. */
export function mostSevere(items: readonly { severity: Severity | null }[]): Severity | null {
  let worst: Severity | null = null;
  for (const i of items)
    if (i.severity !== null && (worst === null || i.severity < worst)) worst = i.severity;
  return worst;
}

/**
 * Whether choosing `chosen` needs a written reason: lowering the severity of a classified incident
 * always does (a downgrade relaxes duties customers and executives rely on), whatever the
 * questionnaire now suggests; otherwise picking anything but the suggestion does.
 */
export function reasonRequired(c: {
  current: Severity | null;
  suggested: Severity;
  chosen: Severity;
}): 'downgrade' | 'override' | null {
  if (c.current !== null && c.chosen > c.current) return 'downgrade';
  if (c.chosen !== c.suggested) return 'override';
  return null;
}

/** The share of users affected as typed: blank is "don't know"; anything else must be 0..100. */
export type PercentInput =
  | { ok: true; value?: number }
  | { ok: false; error: 'not_a_number' | 'out_of_range'; text: string };

/**
 * Reads "25", "12,5 %" or "" (not known). A number outside 0..100 is refused, never treated as
 * unknown: a typo such as 150 must be fixed, not silently change the severity.
 */
export function parsePercentUsers(text: string): PercentInput {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (t === '') return { ok: true };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: 'not_a_number', text };
  if (n < 0 || n > 100) return { ok: false, error: 'out_of_range', text };
  return { ok: true, value: n };
}

/** Problems with impact answers, as for a policy: a share of users outside 0..100 or not a number. */
export function validateImpactAnswers(answers: ImpactAnswers): PolicyProblem[] {
  const p = answers.percentUsersAffected;
  if (p === undefined) return [];
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100)
    return [
      {
        path: 'percentUsersAffected',
        message: `The share of users affected must be between 0 and 100% (got ${String(p)}).`,
      },
    ];
  return [];
}
