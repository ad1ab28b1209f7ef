/**
 * Edits a policy the way the options page's policy editor does, keeping the copies
 * `validatePolicy` requires to agree in step: the update cadence is both a top-level number and each
 * level's 'status_updates' rule (and its label), the post-mortem window likewise, the classification
 * threshold and the level criteria that name it. Each function returns a new policy; none validates (the
 * editor shows `validatePolicy`'s messages at the field).
 */
import { DEFAULT_POLICY } from './policy';
import type { ObligationRule, Policy, Severity } from './types';

/** Whether a rule applies at a severity: always, only for some incidents, or not at all. */
export type Applies = 'always' | 'publicly_visible' | 'commonly_used' | 'never';
/** The rules whose applicability the editor offers per severity. */
export const OPTIONAL_RULES = ['status_page', 'customer_email'] as const;
export type OptionalRule = (typeof OPTIONAL_RULES)[number];

const replaceNumber = (label: string, n: number): string =>
  label.replace(/\d+(?:\.\d+)?/, String(n));

function mapRules(
  policy: Policy,
  change: (rule: ObligationRule, severity: Severity) => ObligationRule,
): Policy {
  return {
    ...policy,
    levels: policy.levels.map((l) => ({
      ...l,
      obligations: l.obligations.map((r) => change(r, l.severity)),
    })),
  };
}

/** Sets one rule's deadline (minutes from its anchor) at one severity. */
export function setDeadline(
  policy: Policy,
  severity: Severity,
  ruleId: string,
  minutes: number,
): Policy {
  return mapRules(policy, (r, s) =>
    s === severity && r.id === ruleId ? { ...r, dueMinutes: minutes } : r,
  );
}

/** Sets the update cadence everywhere it is stated. */
export function setCadence(policy: Policy, minutes: number): Policy {
  const next = mapRules(policy, (r) =>
    r.id === 'status_updates'
      ? {
          ...r,
          dueMinutes: minutes,
          repeatEveryMinutes: minutes,
          label: replaceNumber(r.label, minutes),
        }
      : r,
  );
  return { ...next, updateCadenceMinutes: minutes };
}

/** Sets the post-mortem window (hours after resolution) everywhere it is stated. */
export function setPostmortemHours(policy: Policy, hours: number): Policy {
  const next = mapRules(policy, (r) =>
    r.id === 'postmortem'
      ? { ...r, dueMinutes: hours * 60, label: replaceNumber(r.label, hours) }
      : r,
  );
  return { ...next, postmortemHours: hours };
}

/**
 * Sets the share-of-users line the classifier draws, and the percentage the level criteria name
 * (the SEV-2 "more than 10%" and SEV-3 "less than 10%" sentences).
 */
export function setWidespreadPercent(policy: Policy, percent: number): Policy {
  const next: Policy = { ...policy, classification: { widespreadPercent: percent } };
  // A cleared field (NaN) leaves the sentences alone, so the next number typed still finds theirs.
  if (!Number.isFinite(percent)) return next;
  return {
    ...next,
    levels: policy.levels.map((l) => ({
      ...l,
      criteria: l.criteria.map((c) => c.replace(/\d+(?:\.\d+)?%/g, `${percent}%`)),
    })),
  };
}

/** Whether an optional rule applies at a severity. */
export function appliesOf(policy: Policy, severity: Severity, ruleId: OptionalRule): Applies {
  const rule = policy.levels
    .find((l) => l.severity === severity)
    ?.obligations.find((r) => r.id === ruleId);
  return rule ? (rule.onlyIf ?? 'always') : 'never';
}

/** The rule to bring back when a severity that had none starts to apply it. */
function ruleTemplate(policy: Policy, severity: Severity, ruleId: OptionalRule): ObligationRule {
  const find = (p: Policy, s?: Severity) =>
    p.levels
      .filter((l) => s === undefined || l.severity === s)
      .flatMap((l) => l.obligations)
      .find((r) => r.id === ruleId);
  const found = find(DEFAULT_POLICY, severity) ?? find(policy) ?? find(DEFAULT_POLICY);
  // DEFAULT_POLICY has both optional rules, so `found` is always there.
  return structuredClone(found!);
}

/** Makes an optional rule apply always, only for some incidents, or not at all, at one severity. */
export function setApplies(
  policy: Policy,
  severity: Severity,
  ruleId: OptionalRule,
  applies: Applies,
): Policy {
  return {
    ...policy,
    levels: policy.levels.map((l) => {
      if (l.severity !== severity) return l;
      const at = l.obligations.findIndex((r) => r.id === ruleId);
      if (applies === 'never')
        return { ...l, obligations: l.obligations.filter((_, i) => i !== at) };
      const base = at >= 0 ? l.obligations[at]! : ruleTemplate(policy, severity, ruleId);
      const { onlyIf: _old, ...rest } = base;
      const rule: ObligationRule = applies === 'always' ? rest : { ...rest, onlyIf: applies };
      const obligations = [...l.obligations];
      if (at >= 0) obligations[at] = rule;
      else obligations.splice(Math.min(1, obligations.length), 0, rule);
      return { ...l, obligations };
    }),
  };
}
