/**
 * Impact answers → severity, with the rules that fired in plain words.
 *
 * Unknown answers (`undefined`) classify to the higher plausible level: the result is the most severe level
 * that the unanswered questions could still make true given the answered ones, and `assumed` names each
 * unanswered question that pushed it there. Answered questions are never second-guessed.
 * `explainClassification` gives the same result as codes and values, for views that word it in the UI
 * language; `classify` words it in English (its sentences are unchanged since before the codes existed).
 *
 * The share-of-users line (the domain's 10%, written T below) is the policy's `classification.widespreadPercent`,
 * passed in by the caller so the core stays pure; every sentence names the T it classified with.
 *
 * Decisions on what the domain rules (docs/policy.md) leave open (all tested in classify.test.ts):
 * - Exactly T% of users is not "more than T%", so on its own it is SEV-3: SEV-3's "< T%" is read as the
 *   complement of SEV-2's "> T%", otherwise T% exactly would belong to no level.
 * - A `critical` feature counts as at least `significant`: critical with more than T% of users is SEV-2.
 * - SEV-4 needs a known workaround AND no widespread impact, read as at most T% of users (the same line SEV-2
 *   draws). Anything not shown to be SEV-4 that is not SEV-1/2 is SEV-3, the floor for a live incident.
 */
import type {
  Classification,
  ClassificationAssumption,
  ClassificationExplained,
  ClassificationReason,
  ClassificationThresholds,
  ImpactAnswers,
  Severity,
} from './types';

/** Three-valued truth: `undefined` = not known. */
type Tri = boolean | undefined;

const and = (a: Tri, b: Tri): Tri =>
  a === false || b === false ? false : a && b ? true : undefined;
const or = (a: Tri, b: Tri): Tri =>
  a === true || b === true ? true : a === false && b === false ? false : undefined;

/** A clause of a rule: its truth, and what to say if it is unknown and assumed. */
interface Clause {
  value: Tri;
  assume: ClassificationAssumption;
}

const percentOf = (a: ImpactAnswers): number | undefined =>
  typeof a.percentUsersAffected === 'number' && Number.isFinite(a.percentUsersAffected)
    ? a.percentUsersAffected
    : undefined;

/** Unknown clauses that must be assumed true for a rule that is possible but not known. */
const assumptions = (...clauses: Clause[]): ClassificationAssumption[] =>
  clauses.filter((c) => c.value === undefined).map((c) => c.assume);

/** The domain's line: "> 10% of the active user base" is SEV-2, "< 10% of users" SEV-3. */
export const DEFAULT_CLASSIFICATION: Readonly<ClassificationThresholds> = { widespreadPercent: 10 };

/** Classifies impact answers into SEV-1..SEV-4; see the module comment for the decisions on open rules. */
export function classify(
  answers: ImpactAnswers,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION,
): Classification {
  const e = explainClassification(answers, thresholds);
  return {
    severity: e.severity,
    reasons: e.reasons.map(reasonText),
    assumed: e.assumed.map((a) => assumptionText(a, e.widespreadPercent)),
  };
}

/** `classify` as codes and values, for views that word the reasons in the UI language. */
export function explainClassification(
  answers: ImpactAnswers,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION,
): ClassificationExplained {
  const pct = percentOf(answers);
  const crit = answers.featureCriticality;
  const line = thresholds.widespreadPercent;
  const result = (
    severity: Severity,
    reasons: ClassificationReason[],
    assumed: ClassificationAssumption[],
  ): ClassificationExplained => ({ severity, reasons, assumed, widespreadPercent: line });

  // ---- SEV-1: either clause alone is enough.
  const noCore: Clause = { value: answers.noUserCanAccessCore, assume: 'no_core_access' };
  const breach: Clause = { value: answers.dataIntegrityBreach, assume: 'data_breach' };
  if (or(noCore.value, breach.value) !== false) {
    const reasons: ClassificationReason[] = [];
    if (noCore.value) reasons.push({ code: 'no_core_access' });
    if (breach.value) reasons.push({ code: 'data_breach' });
    if (reasons.length) return result(1, reasons, []);
    return result(1, [{ code: 'unknown_could_be', severity: 1 }], assumptions(noCore, breach));
  }

  // ---- SEV-2: a significant (or critical) feature for > T%, or a critical feature for all enterprise.
  const overLine: Clause = {
    value: pct === undefined ? undefined : pct > line,
    assume: 'over_threshold',
  };
  const significant: Clause = {
    value: crit === undefined ? undefined : crit !== 'non_critical',
    assume: 'feature_significant',
  };
  const critical: Clause = {
    value: crit === undefined ? undefined : crit === 'critical',
    assume: 'feature_critical',
  };
  const allEnterprise: Clause = { value: answers.brokenForAllEnterprise, assume: 'all_enterprise' };
  const wide = and(overLine.value, significant.value);
  const enterprise = and(critical.value, allEnterprise.value);
  if (or(wide, enterprise) !== false) {
    const reasons: ClassificationReason[] = [];
    // `wide` is only true with a known percentage and a significant or critical feature.
    if (wide && pct !== undefined) {
      const code = crit === 'critical' ? 'wide_impact_critical' : 'wide_impact_significant';
      reasons.push({ code, percent: pct, threshold: line });
    }
    if (enterprise) reasons.push({ code: 'enterprise_critical' });
    if (reasons.length) return result(2, reasons, []);
    // Each possible rule's unknowns; one shared "how important" question is listed once.
    const assumed = [
      ...(wide === undefined ? assumptions(overLine, significant) : []),
      ...(enterprise === undefined ? assumptions(critical, allEnterprise) : []),
    ];
    return result(2, [{ code: 'unknown_could_be', severity: 2 }], dedupeImportance(assumed));
  }

  // ---- SEV-4 only when shown; otherwise SEV-3 (the higher plausible of the two).
  const workaround: Clause = { value: answers.workaroundKnown, assume: 'no_workaround' };
  const contained: Clause = {
    value: pct === undefined ? undefined : pct <= line,
    assume: 'widespread',
  };
  const low = and(workaround.value, contained.value);
  if (low && pct !== undefined) {
    return result(4, [{ code: 'minor_with_workaround', percent: pct }], []);
  }
  const reasons: ClassificationReason[] = [];
  if (contained.value && pct !== undefined)
    reasons.push({ code: 'isolated', percent: pct, threshold: line });
  if (crit === 'non_critical') reasons.push({ code: 'non_critical_feature' });
  if (!reasons.length) reasons.push({ code: 'no_higher_criterion' });
  return result(3, reasons, low === undefined ? assumptions(workaround, contained) : []);
}

/** Every reason code `explainClassification` can give, for checks that each has wording. */
export const CLASSIFICATION_REASON_CODES: readonly ClassificationReason['code'][] = [
  'no_core_access',
  'data_breach',
  'wide_impact_significant',
  'wide_impact_critical',
  'enterprise_critical',
  'unknown_could_be',
  'minor_with_workaround',
  'isolated',
  'non_critical_feature',
  'no_higher_criterion',
];

/** The English sentence of each assumption, given the share-of-users line `t`. */
const ASSUMPTION_TEXT: Readonly<Record<ClassificationAssumption, (t: number) => string>> = {
  no_core_access: () =>
    'Not known whether any user can reach the core product; assumed no one can (SEV-1).',
  data_breach: () =>
    'Not known whether data integrity was breached or data lost; assumed it was (SEV-1).',
  over_threshold: (t) =>
    `Not known what share of active users is affected; assumed more than ${t}% (SEV-2).`,
  feature_significant: () =>
    'Not known how important the affected feature is; assumed significant (SEV-2).',
  feature_critical: () =>
    'Not known how important the affected feature is; assumed critical (SEV-2).',
  all_enterprise: () =>
    'Not known whether all enterprise-tier accounts are affected; assumed they are (SEV-2).',
  no_workaround: () =>
    'Not known whether a workaround exists; assumed none (SEV-3 rather than SEV-4).',
  widespread: () =>
    'Not known what share of users is affected; assumed widespread (SEV-3 rather than SEV-4).',
};

/** Every assumption code, for checks that each has wording. */
export const CLASSIFICATION_ASSUMPTION_CODES = Object.keys(
  ASSUMPTION_TEXT,
) as readonly ClassificationAssumption[];

/** The English sentence of an assumption (`classify`'s `assumed`) under the line `widespreadPercent`. */
export const assumptionText = (a: ClassificationAssumption, widespreadPercent: number): string =>
  ASSUMPTION_TEXT[a](widespreadPercent);

/** The English sentence of a reason (`classify`'s `reasons`). */
export function reasonText(r: ClassificationReason): string {
  switch (r.code) {
    case 'no_core_access':
      return 'Zero users can access the core product → SEV-1';
    case 'data_breach':
      return 'Confirmed data integrity breach or data loss → SEV-1';
    case 'wide_impact_significant':
      return `More than ${r.threshold}% of active users affected (${r.percent}%) on a significant feature → SEV-2`;
    case 'wide_impact_critical':
      return `More than ${r.threshold}% of active users affected (${r.percent}%) on a critical feature → SEV-2`;
    case 'enterprise_critical':
      return 'A critical feature is broken for all enterprise-tier accounts → SEV-2';
    case 'unknown_could_be':
      return `Unanswered questions could make this SEV-${r.severity}; classified at the higher plausible level → SEV-${r.severity}`;
    case 'minor_with_workaround':
      return `Minor bug with a known workaround and no widespread impact (${r.percent}%) → SEV-4`;
    case 'isolated':
      return `Isolated degradation: ${r.percent}% of users affected (not more than ${r.threshold}%) → SEV-3`;
    case 'non_critical_feature':
      return 'A non-critical feature is broken → SEV-3';
    case 'no_higher_criterion':
      return 'No SEV-1 or SEV-2 criterion applies → SEV-3';
  }
}

/** "Significant" and "critical" are the same unanswered question; say it once, the stronger way. */
function dedupeImportance(assumed: ClassificationAssumption[]): ClassificationAssumption[] {
  return assumed.includes('feature_critical')
    ? assumed.filter((a) => a !== 'feature_significant')
    : assumed;
}
