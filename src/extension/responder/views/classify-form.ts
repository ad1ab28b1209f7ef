import { DEFAULT_CLASSIFICATION, classify, explainClassification } from '../../../core/classify';
import { parsePercentUsers, reasonRequired } from '../../../core/triage';
import type {
  Classification,
  ClassificationExplained,
  ClassificationThresholds,
  FeatureCriticality,
  ImpactAnswers,
  Severity,
} from '../../../core/types';
import type { Req } from '../../messaging/commands';

/** A yes / no / don't-know answer as the radio group holds it. */
export type Tri = 'yes' | 'no' | 'unknown';

/** The questionnaire as typed: one entry per impact question of the core classifier. */
export interface ClassifyForm {
  noUserCanAccessCore: Tri;
  dataIntegrityBreach: Tri;
  /** Blank = don't know. */
  percentUsersAffected: string;
  featureCriticality: FeatureCriticality | 'unknown';
  brokenForAllEnterprise: Tri;
  workaroundKnown: Tri;
  publiclyVisible: Tri;
  commonlyUsed: Tri;
  /** The severity the responder picks; null = accept the suggestion. */
  chosen: Severity | null;
  overrideReason: string;
}

/** The yes/no questions, in the order they are asked (severity order, most severe first). */
export const TRI_QUESTIONS = [
  'noUserCanAccessCore',
  'dataIntegrityBreach',
  'brokenForAllEnterprise',
  'workaroundKnown',
  'publiclyVisible',
  'commonlyUsed',
] as const;

export type TriQuestion = (typeof TRI_QUESTIONS)[number];

const fromTri = (t: Tri): boolean | undefined => (t === 'unknown' ? undefined : t === 'yes');
const toTri = (b: boolean | undefined): Tri => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

/** A blank form, or one prefilled from earlier answers (reclassifying) and the incident's visibility. */
export function initialClassifyForm(
  answers: ImpactAnswers | undefined,
  publiclyVisible: boolean,
): ClassifyForm {
  const a = answers ?? { publiclyVisible };
  return {
    noUserCanAccessCore: toTri(a.noUserCanAccessCore),
    dataIntegrityBreach: toTri(a.dataIntegrityBreach),
    percentUsersAffected:
      a.percentUsersAffected === undefined ? '' : String(a.percentUsersAffected),
    featureCriticality: a.featureCriticality ?? 'unknown',
    brokenForAllEnterprise: toTri(a.brokenForAllEnterprise),
    workaroundKnown: toTri(a.workaroundKnown),
    publiclyVisible: toTri(a.publiclyVisible),
    commonlyUsed: toTri(a.commonlyUsed),
    chosen: null,
    overrideReason: '',
  };
}

/** The percentage as a number in 0..100, undefined when blank, NaN when not a valid percentage. */
export function parsePercent(text: string): number | undefined {
  const p = parsePercentUsers(text);
  return p.ok ? p.value : Number.NaN;
}

/** The error to show on the percentage as typed (150% is refused, never read as unknown). */
export function percentError(
  text: string,
): 'classify_err_percentRange' | 'classify_err_percent' | null {
  const p = parsePercentUsers(text);
  if (p.ok) return null;
  return p.error === 'out_of_range' ? 'classify_err_percentRange' : 'classify_err_percent';
}

/** The classifier's input from the form (an invalid percentage counts as unanswered). */
export function answersOf(form: ClassifyForm): ImpactAnswers {
  const pct = parsePercent(form.percentUsersAffected);
  const out: ImpactAnswers = {};
  for (const q of TRI_QUESTIONS) {
    const v = fromTri(form[q]);
    if (v !== undefined) out[q] = v;
  }
  if (pct !== undefined && !Number.isNaN(pct)) out.percentUsersAffected = pct;
  if (form.featureCriticality !== 'unknown') out.featureCriticality = form.featureCriticality;
  return out;
}

/**
 * The suggestion for the form as it stands: severity, the rules that fired, what was assumed. `thresholds`
 * are the incident's policy's (`classificationOf`), the same the background checks the decision against.
 */
export function suggestion(
  form: ClassifyForm,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION,
): Classification {
  return classify(answersOf(form), thresholds);
}

/** `suggestion` as codes, so the panel can word the rules and assumptions in the UI language. */
export function explainedSuggestion(
  form: ClassifyForm,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION,
): ClassificationExplained {
  return explainClassification(answersOf(form), thresholds);
}

/**
 * The `incidents/classify` request: the suggestion when accepted, or the responder's choice with
 * a reason (an override without a reason is refused, as is a malformed percentage).
 */
export function classifyDecision(
  id: string,
  form: ClassifyForm,
  /** The incident's severity now: lowering it always needs a reason. */
  current: Severity | null = null,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION,
):
  { ok: true; req: Req<'incidents/classify'>; overridden: boolean } | { ok: false; error: string } {
  const bad = percentError(form.percentUsersAffected);
  if (bad) return { ok: false, error: bad };
  const answers = answersOf(form);
  const suggested = classify(answers, thresholds).severity;
  const severity = form.chosen ?? suggested;
  const overridden = severity !== suggested;
  const needs = reasonRequired({ current, suggested, chosen: severity });
  const reason = form.overrideReason.trim();
  if (needs && reason === '')
    return {
      ok: false,
      error: needs === 'downgrade' ? 'classify_err_downgrade' : 'classify_err_reason',
    };
  return {
    ok: true,
    overridden,
    req: { id, answers, severity, ...(needs || overridden ? { overrideReason: reason } : {}) },
  };
}
