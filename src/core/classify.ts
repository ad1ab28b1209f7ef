/**
 * Impact answers → severity, with the rules that fired in plain words.
 *
 * Unknown answers (`undefined`) classify to the higher plausible level: the result is the most severe level
 * that the unanswered questions could still make true given the answered ones, and `assumed` names each
 * unanswered question that pushed it there. Answered questions are never second-guessed.
 *
 * Decisions on rules the domain text leaves open (all tested in classify.test.ts):
 * - Exactly 10% of users is not "more than 10%", so on its own it is SEV-3: SEV-3's "< 10%" is read as the
 *   complement of SEV-2's "> 10%", otherwise 10% exactly would belong to no level.
 * - A `critical` feature counts as at least `significant`: critical with more than 10% of users is SEV-2.
 * - SEV-4 needs a known workaround AND no widespread impact, read as at most 10% of users (the same line SEV-2
 *   draws). Anything not shown to be SEV-4 that is not SEV-1/2 is SEV-3, the floor for a live incident.
 */
import type { Classification, ImpactAnswers, Severity } from './types';

/** Three-valued truth: `undefined` = not known. */
type Tri = boolean | undefined;

const and = (a: Tri, b: Tri): Tri =>
  a === false || b === false ? false : a && b ? true : undefined;
const or = (a: Tri, b: Tri): Tri =>
  a === true || b === true ? true : a === false && b === false ? false : undefined;

/** A clause of a rule: its truth, and what to say if it is unknown and assumed. */
interface Clause {
  value: Tri;
  assume: string;
}

const percentOf = (a: ImpactAnswers): number | undefined =>
  typeof a.percentUsersAffected === 'number' && Number.isFinite(a.percentUsersAffected)
    ? a.percentUsersAffected
    : undefined;

/** Unknown clauses that must be assumed true for a rule that is possible but not known. */
const assumptions = (...clauses: Clause[]): string[] =>
  clauses.filter((c) => c.value === undefined).map((c) => c.assume);

/** Classifies impact answers into SEV-1..SEV-4; see the module comment for the decisions on open rules. */
export function classify(answers: ImpactAnswers): Classification {
  const pct = percentOf(answers);
  const crit = answers.featureCriticality;
  const pctText = pct === undefined ? '' : ` (${pct}%)`;

  // ---- SEV-1: either clause alone is enough.
  const noCore: Clause = {
    value: answers.noUserCanAccessCore,
    assume: 'Not known whether any user can reach the core product; assumed no one can (SEV-1).',
  };
  const breach: Clause = {
    value: answers.dataIntegrityBreach,
    assume: 'Not known whether data integrity was breached or data lost; assumed it was (SEV-1).',
  };
  if (or(noCore.value, breach.value) !== false) {
    const reasons: string[] = [];
    if (noCore.value) reasons.push('Zero users can access the core product → SEV-1');
    if (breach.value) reasons.push('Confirmed data integrity breach or data loss → SEV-1');
    if (reasons.length) return result(1, reasons, []);
    return result(1, [UNKNOWN_REASON(1)], assumptions(noCore, breach));
  }

  // ---- SEV-2: a significant (or critical) feature for > 10%, or a critical feature for all enterprise.
  const over10: Clause = {
    value: pct === undefined ? undefined : pct > 10,
    assume: 'Not known what share of active users is affected; assumed more than 10% (SEV-2).',
  };
  const significant: Clause = {
    value: crit === undefined ? undefined : crit !== 'non_critical',
    assume: 'Not known how important the affected feature is; assumed significant (SEV-2).',
  };
  const critical: Clause = {
    value: crit === undefined ? undefined : crit === 'critical',
    assume: 'Not known how important the affected feature is; assumed critical (SEV-2).',
  };
  const allEnterprise: Clause = {
    value: answers.brokenForAllEnterprise,
    assume:
      'Not known whether all enterprise-tier accounts are affected; assumed they are (SEV-2).',
  };
  const wide = and(over10.value, significant.value);
  const enterprise = and(critical.value, allEnterprise.value);
  if (or(wide, enterprise) !== false) {
    const reasons: string[] = [];
    if (wide)
      reasons.push(`More than 10% of active users affected${pctText} on a ${crit} feature → SEV-2`);
    if (enterprise)
      reasons.push('A critical feature is broken for all enterprise-tier accounts → SEV-2');
    if (reasons.length) return result(2, reasons, []);
    // Each possible rule's unknowns; one shared "how important" question is listed once.
    const assumed = [
      ...(wide === undefined ? assumptions(over10, significant) : []),
      ...(enterprise === undefined ? assumptions(critical, allEnterprise) : []),
    ];
    return result(2, [UNKNOWN_REASON(2)], dedupeImportance(assumed));
  }

  // ---- SEV-4 only when shown; otherwise SEV-3 (the higher plausible of the two).
  const workaround: Clause = {
    value: answers.workaroundKnown,
    assume: 'Not known whether a workaround exists; assumed none (SEV-3 rather than SEV-4).',
  };
  const contained: Clause = {
    value: pct === undefined ? undefined : pct <= 10,
    assume:
      'Not known what share of users is affected; assumed widespread (SEV-3 rather than SEV-4).',
  };
  const low = and(workaround.value, contained.value);
  if (low) {
    return result(
      4,
      [`Minor bug with a known workaround and no widespread impact${pctText} → SEV-4`],
      [],
    );
  }
  const reasons: string[] = [];
  if (contained.value) {
    reasons.push(`Isolated degradation: ${pct}% of users affected (not more than 10%) → SEV-3`);
  }
  if (crit === 'non_critical') reasons.push('A non-critical feature is broken → SEV-3');
  if (!reasons.length) reasons.push('No SEV-1 or SEV-2 criterion applies → SEV-3');
  return result(3, reasons, low === undefined ? assumptions(workaround, contained) : []);
}

const UNKNOWN_REASON = (s: Severity): string =>
  `Unanswered questions could make this SEV-${s}; classified at the higher plausible level → SEV-${s}`;

/** "Significant" and "critical" are the same unanswered question; say it once, the stronger way. */
function dedupeImportance(assumed: string[]): string[] {
  const critical = assumed.find((a) => a.includes('assumed critical'));
  return critical ? assumed.filter((a) => !a.includes('assumed significant')) : assumed;
}

const result = (severity: Severity, reasons: string[], assumed: string[]): Classification => ({
  severity,
  reasons,
  assumed,
});
