import { severityLabel } from '../../core/feed/levels';
import type { PolicyCode, PolicyRuleProblem } from '../../core/types';
import { t, tOr } from './translate';

/**
 * A policy's problems in the user's words: each a sentence naming the field as Options → Policy
 * labels it ("“Status page update cadence (minutes)” must be a number greater than 0."), never the
 * core's path and English ("updateCadenceMinutes must be a positive number"). The one wording of
 * validatePolicy's refusals: the policy editor's fields, a stored policy's other problems, and a
 * policy the organisation set (the managed notice).
 */

/** The policy-wide settings, labelled as the editor's fields are. */
export const POLICY_LABELS: Record<string, string> = {
  '': 'policy_field_policy',
  version: 'policy_field_version',
  name: 'policy_name',
  updateCadenceMinutes: 'policy_cadence',
  postmortemHours: 'policy_postmortem',
  dueSoonMinutes: 'policy_dueSoon',
  classification: 'policy_field_classification',
  'classification.widespreadPercent': 'policy_widespread',
  levels: 'policy_field_levels',
};

/** Each code's sentence; `$1` is the field, `$2`… the problem's figures. */
const SENTENCE: Record<PolicyCode, string> = {
  object: 'policy_rule_object',
  text: 'policy_errRequired',
  positive: 'policy_errPositive',
  notNegative: 'policy_errNotNegative',
  percent: 'policy_errPercent',
  version: 'policy_rule_version',
  oneOf: 'policy_rule_oneOf',
  list: 'policy_rule_list',
  eventType: 'policy_rule_eventType',
  boolean: 'policy_rule_boolean',
  standingRepeat: 'policy_rule_standingRepeat',
  resolvedRepeat: 'policy_rule_resolvedRepeat',
  cadence: 'policy_rule_cadence',
  postmortemMinutes: 'policy_rule_postmortemMinutes',
  labelNumber: 'policy_rule_labelNumber',
  anchorResolved: 'policy_rule_anchorResolved',
  duplicateId: 'policy_rule_duplicateId',
  severity: 'policy_rule_severity',
  duplicateSeverity: 'policy_rule_duplicateSeverity',
  missingLevel: 'policy_rule_missingLevel',
};

type Loose = {
  levels?: {
    severity?: unknown;
    name?: unknown;
    obligations?: { label?: unknown; anchor?: unknown }[];
  }[];
};
const textOr = (v: unknown, fallback: string) =>
  typeof v === 'string' && v.trim() !== '' ? v : fallback;

/**
 * The field at `path` of `policy` (the one validated, however broken: its level and rule names
 * name the place), in the user's words. A rule's deadline is named as the editor labels its field;
 * `inLevel`: the text stands inside its level's fieldset (the editor's message at the field), so
 * the label alone is enough; anywhere else (a list, the worker's refusal) the level comes first.
 */
export function policyFieldName(path: string, policy?: unknown, inLevel = false): string {
  if (path in POLICY_LABELS) return t(POLICY_LABELS[path]!);
  const m = /^levels\[(\d+)](?:\.(\w+)(?:\[(\d+)])?(?:\.(\w+))?)?/.exec(path);
  if (!m) return path;
  const [, i, key, j, ruleKey] = m;
  const level = (policy as Loose | undefined)?.levels?.[Number(i)];
  const sev = level?.severity;
  // as the editor's fieldsets say it ("SEV-1 (Critical)"), as far as the broken level allows
  const levelName =
    sev === 1 || sev === 2 || sev === 3 || sev === 4
      ? `${severityLabel(sev)} (${textOr(level?.name, '…')})`
      : textOr(level?.name, t('policy_field_level', Number(i) + 1));
  if (!key) return levelName;
  if (key !== 'obligations' || j === undefined)
    return t('policy_field_in', levelName, tOr(key, `policy_key_${key}`));
  const rule = level?.obligations?.[Number(j)];
  const label = textOr(rule?.label, t('policy_field_rule', Number(j) + 1));
  if (!ruleKey) return t('policy_field_in', levelName, label);
  // the deadline's own field in the editor (a rule counted from classification has one)
  if (ruleKey === 'dueMinutes' && rule?.anchor !== 'resolved')
    return t('policy_ruleMinutes', inLevel ? label : `${levelName}, ${label}`);
  return t('policy_field_in', `${levelName}, ${label}`, tOr(ruleKey, `policy_key_${ruleKey}`));
}

/**
 * A policy save the worker refused for `problems` (the editor checks first, so this shows only for
 * a save that raced another page or came from an outdated one): every problem, worded as the
 * editor words it at its field, after the same "Not saved:" as a refused template.
 */
export function policyRefusal(problems: readonly PolicyRuleProblem[], policy: unknown): string {
  return t('save_refused', problems.map((p) => policyProblemText(p, policy)).join(' '));
}

/**
 * One problem as a sentence in the user's language; `policy` is the input that was validated,
 * `inLevel` as for policyFieldName.
 */
export function policyProblemText(p: PolicyRuleProblem, policy?: unknown, inLevel = false): string {
  const args = p.args.map((a) => String(a));
  // figures that are a setting's name or an index are said as the user reads them
  if (p.code === 'labelNumber') args[0] = policyFieldName(args[0]!, policy, inLevel);
  if (p.code === 'duplicateId' || p.code === 'duplicateSeverity')
    args[0] = String(Number(args[0]) + 1);
  return t(SENTENCE[p.code], policyFieldName(p.path, policy, inLevel), ...args);
}
