import type { Lint } from '../../../core/types';
import { lintLine, lintSuggestionLine } from '../../i18n/core-text';
import { t } from '../../i18n/translate';

/**
 * Lints under a field. Give the list's `id` to the field's `aria-describedby`, so a screen reader
 * reads the problems with the field. Renders nothing (but keeps the id) when there are none.
 * The words come from i18n/core-text, the one map from a lint's message id to the catalogue.
 */
export function Lints({ id, lints }: { id: string; lints: readonly Lint[] | undefined }) {
  const list = lints ?? [];
  return (
    <ul id={id} class="lints" data-count={list.length}>
      {list.map((l, i) => {
        const suggestion = lintSuggestionLine(l);
        return (
          <li key={`${l.code}-${i}`} class={`lint lint-${l.level}`} data-code={l.code}>
            <b>{t(l.level === 'error' ? 'review_lintError' : 'review_lintWarning')}</b>{' '}
            {lintLine(l)}
            {suggestion && (
              <>
                {' '}
                <span class="hint">
                  {t('review_suggestion')} {suggestion}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
