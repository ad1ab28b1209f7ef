import { t } from '../../i18n/translate';
import type { PartProps } from './parts';

/** "What went well and what to improve": free text, one point per line, kept in the export. */
export function LearningEditor({ review, change }: PartProps) {
  return (
    <fieldset>
      <legend>{t('review_learning')}</legend>
      <label>
        <span>{t('review_wentWell')}</span>
        <textarea
          rows={3}
          value={review.wentWell ?? ''}
          onInput={(e) => {
            const v = e.currentTarget.value;
            change((r) => ({ ...r, wentWell: v }));
          }}
        />
      </label>
      <label>
        <span>{t('review_toImprove')}</span>
        <textarea
          rows={3}
          value={review.toImprove ?? ''}
          onInput={(e) => {
            const v = e.currentTarget.value;
            change((r) => ({ ...r, toImprove: v }));
          }}
        />
      </label>
    </fieldset>
  );
}
