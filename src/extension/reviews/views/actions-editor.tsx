import type { ActionItem, ActionItemStatus } from '../../../core/review';
import { formatDate } from '../../../core/time';
import { t, uiLocale } from '../../i18n/translate';
import { endOfDay, localTimeZone, toDateInput } from '../../ui/datetime-input';
import { newItem, removeAt, replaceAt } from './draft';
import { Lints } from './lint-view';
import { PARTICIPANTS_LIST, type PartProps } from './parts';
import { RemoveButton } from './remove-button';

/** The statuses, in the order the select offers them, with their i18n keys. */
export const STATUS_KEYS: Record<ActionItemStatus, string> = {
  open: 'review_statusOpen',
  done: 'review_statusDone',
  wont_do: 'review_statusWontDo',
};

/** The options of an action item's status select, in the order of `STATUS_KEYS`. */
export function StatusOptions() {
  return (
    <>
      {(Object.keys(STATUS_KEYS) as ActionItemStatus[]).map((s) => (
        <option key={s} value={s}>
          {t(STATUS_KEYS[s])}
        </option>
      ))}
    </>
  );
}

/** "Added 3 Mar 2025 · done 5 Mar 2025": an item's dates in words. */
export function itemDates(item: ActionItem): string {
  const d = (at: number) => formatDate(at, uiLocale(), localTimeZone());
  const parts = [t('review_itemCreated', d(item.createdAt))];
  if (item.status === 'done' && item.doneAt !== undefined)
    parts.push(t('review_itemDoneAt', d(item.doneAt)));
  else if (item.status === 'wont_do' && item.statusChangedAt !== undefined) {
    parts.push(t('review_itemWontDoAt', d(item.statusChangedAt)));
  }
  return parts.join(' · ');
}

/**
 * Action items: description, owner, due date (stored as the end of the chosen day) and status,
 * each linted inline (vague verbs, missing owner or date, past due date).
 */
export function ActionItemsEditor({
  review,
  change,
  lints,
  now,
  onStatus,
}: PartProps & { now: number; onStatus(itemId: string, status: ActionItemStatus): void }) {
  const set = (i: number, patch: Partial<ActionItem>) =>
    change((r) => {
      const a = r.actionItems[i];
      return a ? { ...r, actionItems: replaceAt(r.actionItems, i, { ...a, ...patch }) } : r;
    });
  return (
    <fieldset>
      <legend>{t('review_actionItems')}</legend>
      <p class="hint">{t('review_actionItemsHint')}</p>
      <p class="hint" id="rv-todefine-hint">
        {t('rvi_toDefineHint')}
      </p>
      <ol class="items">
        {review.actionItems.map((a, i) => {
          const n = i + 1;
          return (
            <li key={a.id} data-item={a.id}>
              <label class="field">
                <span>{t('review_itemN', n)}</span>
                <input
                  type="text"
                  value={a.description}
                  aria-describedby={`rv-lint-ai-${i}`}
                  onInput={(e) => set(i, { description: e.currentTarget.value })}
                />
              </label>
              <div class="row">
                <label>
                  <span>
                    {t('review_owner')} <span class="sr">{t('review_itemN', n)}</span>
                  </span>
                  <input
                    type="text"
                    list={PARTICIPANTS_LIST}
                    value={a.owner}
                    onInput={(e) => set(i, { owner: e.currentTarget.value })}
                  />
                </label>
                <label>
                  <span>
                    {t('review_due')} <span class="sr">{t('review_itemN', n)}</span>
                  </span>
                  <input
                    type="date"
                    value={toDateInput(a.dueAt)}
                    onChange={(e) =>
                      set(i, { dueAt: endOfDay(e.currentTarget.value) ?? undefined })
                    }
                  />
                </label>
                <label>
                  <span>
                    {t('review_status')} <span class="sr">{t('review_itemN', n)}</span>
                  </span>
                  <select
                    value={a.status}
                    onChange={(e) => onStatus(a.id, e.currentTarget.value as ActionItemStatus)}
                  >
                    <StatusOptions />
                  </select>
                </label>
                <RemoveButton
                  label={t('review_itemN', n)}
                  onClick={() => change((r) => ({ ...r, actionItems: removeAt(r.actionItems, i) }))}
                />
              </div>
              <label class="inline">
                <input
                  type="checkbox"
                  checked={a.toDefine === true}
                  aria-describedby="rv-todefine-hint"
                  onChange={(e) => set(i, { toDefine: e.currentTarget.checked ? true : undefined })}
                />{' '}
                {t('rvi_toDefine')} <span class="sr">{t('review_itemN', n)}</span>
              </label>
              <p class="hint">{itemDates(a)}</p>
              <Lints id={`rv-lint-ai-${i}`} lints={lints.get(`actionItems[${i}]`)} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="secondary"
        onClick={() => change((r) => ({ ...r, actionItems: [...r.actionItems, newItem(now)] }))}
      >
        {t('review_addItem')}
      </button>
      <Lints id="rv-lint-items" lints={lints.get('actionItems')} />
    </fieldset>
  );
}
