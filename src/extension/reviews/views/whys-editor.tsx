import { MAX_WHYS, nextWhyPrompt } from '../../../core/review';
import { t, uiLocale } from '../../i18n/translate';
import { replaceAt, whyInputs } from './draft';
import { Lints } from './lint-view';
import type { PartProps } from './parts';

/**
 * The question why number `i` answers, from the core's prompt. The core words it in English; in
 * other UI languages the same two forms come from the locale files.
 */
function promptFor(whys: readonly string[], i: number): string | null {
  const before = whys.slice(0, i);
  const prompt = nextWhyPrompt(before);
  if (prompt === null || uiLocale().startsWith('en')) return prompt;
  const last = before
    .map((w) => w.trim())
    .filter((w) => w !== '')
    .at(-1);
  return last === undefined
    ? t('review_whyFirst')
    : t('review_whyNext', last.replace(/[.!?]+$/, ''));
}

/**
 * Root cause analysis as a five-whys chain: one input per answer plus one for the next why, each
 * labelled with the question it answers. A chain whose last answer is a person's action is
 * flagged with the prompt to ask what in the system allowed it.
 */
export function WhysEditor({ review, change, lints }: PartProps) {
  const shown = whyInputs(review.whys, MAX_WHYS);
  const complete = nextWhyPrompt(review.whys) === null;
  return (
    <fieldset>
      <legend>{t('review_whys')}</legend>
      <p class="hint">{t('review_whysHint')}</p>
      <ol class="items">
        {Array.from({ length: shown }, (_x, i) => {
          const value = review.whys[i] ?? '';
          return (
            <li key={i}>
              <label class="field" for={`rv-why-${i}`}>
                <span>{t('review_whyN', i + 1, MAX_WHYS)}</span>
              </label>
              <p class="prompt" id={`rv-why-prompt-${i}`}>
                {promptFor(review.whys, i)}
              </p>
              <input
                id={`rv-why-${i}`}
                type="text"
                value={value}
                aria-describedby={`rv-why-prompt-${i} rv-lint-why-${i}`}
                onInput={(e) => {
                  const v = e.currentTarget.value;
                  change((r) => {
                    const whys = [...r.whys];
                    while (whys.length <= i) whys.push('');
                    return { ...r, whys: replaceAt(whys, i, v) };
                  });
                }}
              />
              <Lints id={`rv-lint-why-${i}`} lints={lints.get(`whys[${i}]`)} />
            </li>
          );
        })}
      </ol>
      {complete && <p class="hint">{t('review_whysComplete')}</p>}
      <Lints id="rv-lint-whys" lints={lints.get('whys')} />
      <label class="field">
        <span>{t('review_rootCause')}</span>
        <textarea
          value={review.rootCause ?? ''}
          aria-describedby="rv-lint-root"
          onInput={(e) => {
            const v = e.currentTarget.value;
            change((r) => ({ ...r, rootCause: v }));
          }}
        />
      </label>
      <Lints id="rv-lint-root" lints={lints.get('rootCause')} />
    </fieldset>
  );
}
