import { useEffect, useState } from 'preact/hooks';
import type { PublishBlocker, Review } from '../../../core/review';
import { fieldLabel } from './checks';
import { formatDate } from '../../../core/time';
import { t, uiLocale } from '../../i18n/translate';
import { localTimeZone } from '../../ui/datetime-input';
import { Lints } from './lint-view';
import type { PartProps } from './parts';

/** Participants as typed ("Ana, Mehmet") → the list. */
export function parseParticipants(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    ),
  ];
}

/** Title, summary and the participants who validate the timeline and own action items. */
export function OverviewEditor({ review, change, lints }: PartProps) {
  const joined = review.participants.join(', ');
  const [people, setPeople] = useState(joined);
  useEffect(() => setPeople(joined), [joined]);
  return (
    <fieldset>
      <legend>{t('review_overview')}</legend>
      <label class="field">
        <span>{t('review_fieldTitle')}</span>
        <input
          type="text"
          value={review.title}
          aria-describedby="rv-lint-title"
          onInput={(e) => {
            const v = e.currentTarget.value;
            change((r) => ({ ...r, title: v }));
          }}
        />
      </label>
      <Lints id="rv-lint-title" lints={lints.get('title')} />
      <label class="field">
        <span>{t('review_participants')}</span>
        <input
          type="text"
          value={people}
          aria-describedby="rv-participants-hint"
          onInput={(e) => setPeople(e.currentTarget.value)}
          onChange={(e) => {
            const list = parseParticipants(e.currentTarget.value);
            change((r) => ({ ...r, participants: list }));
          }}
        />
      </label>
      <p class="hint" id="rv-participants-hint">
        {t('review_participantsHint')}
      </p>
      <label class="field">
        <span>{t('review_fieldSummary')}</span>
        <textarea
          value={review.summary ?? ''}
          aria-describedby="rv-lint-summary"
          onInput={(e) => {
            const v = e.currentTarget.value;
            change((r) => ({ ...r, summary: v }));
          }}
        />
      </label>
      <Lints id="rv-lint-summary" lints={lints.get('summary')} />
    </fieldset>
  );
}

/**
 * Save, and "Mark review published": publishing records `review_published` on the incident, which
 * meets the post-mortem obligation. Unsaved edits are saved first.
 */
export function PublishBar({
  review,
  dirty,
  busy,
  blockers,
  onPublish,
}: {
  review: Review;
  dirty: boolean;
  busy: boolean;
  /** What still stands in the way of publishing (core `publishBlockers`). */
  blockers: readonly PublishBlocker[];
  onPublish(): void;
}) {
  const published = review.publishedAt;
  return (
    <div class="actions">
      <button type="submit" disabled={busy}>
        {t('review_save')}
      </button>
      {published === undefined ? (
        <button type="button" disabled={busy} onClick={onPublish}>
          {t('review_publish')}
        </button>
      ) : (
        <p class="published" data-testid="rv-published">
          {t('review_publishedOn', formatDate(published, uiLocale(), localTimeZone()))}
        </p>
      )}
      {dirty && <p class="hint">{t('review_unsaved')}</p>}
      {published === undefined && blockers.length > 0 && (
        <div class="blockers" data-testid="rv-blockers">
          <p>{t('rvp_blockers')}</p>
          <ul>
            {blockers.map((b) => (
              <li key={`${b.code}-${b.path}`} data-code={b.code}>
                {blockerText(review, b)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A blocker in the UI language: which field, and what to do. */
function blockerText(review: Review, b: PublishBlocker): string {
  switch (b.code) {
    case 'root_cause':
      return t(review.rootCauseForm === 'factors' ? 'rvp_noFactor' : 'rvp_noRootCause');
    case 'no_items':
      return t('lint_missing_action_items');
    case 'incomplete_item':
      return t('rvp_incompleteItem', fieldLabel(b.path));
    case 'vague_item':
      return t('rvp_vagueItem', fieldLabel(b.path));
  }
}
