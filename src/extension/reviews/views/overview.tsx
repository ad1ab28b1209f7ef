import { useEffect, useState } from 'preact/hooks';
import type { Review } from '../../../core/review';
import { formatDate } from '../../../core/time';
import { t, uiLocale } from '../../i18n/translate';
import { localTimeZone } from './dates';
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
  onPublish,
}: {
  review: Review;
  dirty: boolean;
  busy: boolean;
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
    </div>
  );
}
