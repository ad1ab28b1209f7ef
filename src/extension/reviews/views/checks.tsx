import type { ReviewLint } from '../../../core/review';
import { t } from '../../i18n/translate';
import { lintLine, lintSuggestionLine } from '../../i18n/core-text';

const FIELD_KEYS: Record<string, string> = {
  title: 'review_fieldTitle',
  summary: 'review_fieldSummary',
  rootCause: 'review_rootCause',
  timeline: 'review_timeline',
  whys: 'review_whys',
  mitigations: 'review_mitigations',
  actionItems: 'review_actionItems',
  factors: 'rvf_factors',
};

/** Where a lint was found, in words: "Why 3", "Action item 2", "Summary". */
export function fieldLabel(path: string): string {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(path);
  const name = m?.[1] ?? '';
  const n = m?.[2] === undefined ? null : Number(m[2]) + 1;
  if (n !== null) {
    if (name === 'timeline') return t('review_entryN', n);
    if (name === 'whys') return t('review_whyShort', n);
    if (name === 'mitigations') return t('review_mitigationN', n);
    if (name === 'actionItems') return t('review_itemN', n);
    if (name === 'factors') return t('rvf_factorN', n);
  }
  const key = FIELD_KEYS[name];
  return key ? t(key) : path;
}

/**
 * Every check over the whole review in one list, blameless wording first: "human error",
 * "should have", a name next to a blame word — each with a systemic rewording to use instead.
 */
export function ReviewChecks({
  lints,
  heading,
}: {
  lints: readonly ReviewLint[];
  heading: 'h3' | 'h4';
}) {
  const H = heading;
  const blame = lints.filter((l) => l.lint.code === 'blaming_language');
  const rest = lints.filter((l) => l.lint.code !== 'blaming_language');
  const item = ({ path, lint }: ReviewLint, i: number) => {
    const suggestion = lintSuggestionLine(lint);
    return (
      <li key={`${path}-${i}`} class={`lint lint-${lint.level}`} data-code={lint.code}>
        <b>{fieldLabel(path)}:</b> {lintLine(lint)}
        {suggestion && (
          <span class="hint">
            {' '}
            {t('review_suggestion')} {suggestion}
          </span>
        )}
      </li>
    );
  };
  return (
    <section aria-labelledby="rv-checks" class="checks">
      <H id="rv-checks">{t('review_checks')}</H>
      <p class="hint">{t('review_blamelessHint')}</p>
      {blame.length === 0 ? (
        <p class="ok">{t('review_blamelessOk')}</p>
      ) : (
        <ul class="lints" data-testid="rv-blame">
          {blame.map(item)}
        </ul>
      )}
      {rest.length > 0 && <ul class="lints">{rest.map(item)}</ul>}
    </section>
  );
}
