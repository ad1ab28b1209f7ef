import type { Lint } from '../../../core/types';
import { lintLine, lintSuggestionLine } from '../../i18n/core-text';
import { t } from '../../i18n/translate';

/** i18n keys of lint codes whose wording does not depend on where they were found. */
const BY_CODE: Partial<Record<Lint['code'], string>> = {
  missing_owner: 'review_lintMissingOwner',
  missing_due_date: 'review_lintMissingDue',
  due_date_past: 'review_lintDuePast',
  why_stops_at_person: 'review_lintWhyPerson',
  too_many_whys: 'review_lintTooManyWhys',
};

/**
 * A lint in the UI language. `source` is the linted text, so a span ("improve") can be quoted.
 * Lints without a code of their own here are worded from their `messageId` (see ui/core-text),
 * falling back to the core's English.
 */
export function lintText(lint: Lint, source = ''): string {
  if (lint.code === 'vague_action' && lint.start !== undefined && lint.end !== undefined) {
    return t('review_lintVague', source.slice(lint.start, lint.end));
  }
  const key = BY_CODE[lint.code];
  return key ? t(key) : lintLine(lint);
}

/** The suggestion of a lint, in the UI language where there is one. */
export function lintSuggestion(lint: Lint): string | undefined {
  if (lint.code === 'vague_action') return t('review_lintVagueSuggestion');
  if (lint.code === 'why_stops_at_person') return t('review_lintWhyPersonSuggestion');
  return lintSuggestionLine(lint);
}

/**
 * Lints under a field. Give the list's `id` to the field's `aria-describedby`, so a screen reader
 * reads the problems with the field. Renders nothing (but keeps the id) when there are none.
 */
export function Lints({
  id,
  lints,
  source = '',
}: {
  id: string;
  lints: readonly Lint[] | undefined;
  source?: string;
}) {
  const list = lints ?? [];
  return (
    <ul id={id} class="lints" data-count={list.length}>
      {list.map((l, i) => {
        const suggestion = lintSuggestion(l);
        return (
          <li key={`${l.code}-${i}`} class={`lint lint-${l.level}`} data-code={l.code}>
            <b>{t(l.level === 'error' ? 'review_lintError' : 'review_lintWarning')}</b>{' '}
            {lintText(l, source)}
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
