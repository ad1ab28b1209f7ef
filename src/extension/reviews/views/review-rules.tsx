import { useState } from 'preact/hooks';
import type { ReviewRequirement } from '../../../core/review';
import { t } from '../../i18n/translate';

/** "Review required" (SEV-1/2) or "Review optional" (SEV-3/4), by the worst severity reached. */
export function RequirementNote({ requirement }: { requirement: ReviewRequirement }) {
  return (
    <p class="hint" data-testid="rv-requirement">
      {t(requirement === 'required' ? 'rvr_required' : 'rvr_optional')}
    </p>
  );
}

/**
 * Skipping an optional review, with the reason (kept on the incident). Once skipped, the reason
 * is shown; the review can still be started.
 */
export function SkipReview({
  skipped,
  busy,
  onSkip,
}: {
  skipped: { reason: string; at: number } | undefined;
  busy: boolean;
  onSkip(reason: string): void;
}) {
  const [reason, setReason] = useState('');
  if (skipped) return <p data-testid="rv-skipped">{t('rvr_skipped', skipped.reason)}</p>;
  return (
    <div class="row skip">
      <label>
        <span>{t('rvr_skipReason')}</span>
        <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div>
        <button
          type="button"
          class="secondary"
          disabled={busy || reason.trim() === ''}
          onClick={() => onSkip(reason.trim())}
        >
          {t('rvr_skip')}
        </button>
      </div>
    </div>
  );
}
