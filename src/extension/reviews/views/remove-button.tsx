import { t } from '../../i18n/translate';

/** "Remove" for one row of an editor list; `label` names the row for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <div style="flex:0 0 auto">
      <button type="button" class="secondary" onClick={onClick}>
        {t('review_remove')} <span class="sr">{label}</span>
      </button>
    </div>
  );
}
