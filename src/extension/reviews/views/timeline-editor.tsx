import type { Review } from '../../../core/review';
import { fromLocalInput, toLocalInput } from '../../ui/datetime-input';
import { t } from '../../i18n/translate';
import { newEntry, removeAt, replaceAt } from './draft';
import { Lints } from './lint-view';
import { PARTICIPANTS_LIST, type PartProps } from './parts';
import { RemoveButton } from './remove-button';

/**
 * Timeline reconstruction: the minute-by-minute account prefilled from the recorded events, every
 * line editable and each one confirmable by a named participant ("validated by").
 */
export function TimelineEditor({
  review,
  change,
  lints,
  fallbackAt,
}: PartProps & { fallbackAt: number }) {
  const set = (i: number, patch: Partial<Review['timeline'][number]>) =>
    change((r) => {
      const e = r.timeline[i];
      return e ? { ...r, timeline: replaceAt(r.timeline, i, { ...e, ...patch }) } : r;
    });
  return (
    <fieldset>
      <legend>{t('review_timeline')}</legend>
      <p class="hint">{t('review_timelineHint')}</p>
      <ol class="items">
        {review.timeline.map((e, i) => {
          const n = i + 1;
          return (
            <li key={e.id} data-entry={e.id}>
              <div class="row">
                <label style="flex:0 1 14em">
                  <span>
                    {t('review_entryTime')} <span class="sr">{t('review_entryN', n)}</span>
                  </span>
                  <input
                    type="datetime-local"
                    value={toLocalInput(e.at)}
                    onChange={(ev) => {
                      const at = fromLocalInput(ev.currentTarget.value);
                      if (at !== null) set(i, { at });
                    }}
                  />
                </label>
                <label style="flex:3 1 18em">
                  <span>
                    {t('review_entryText')} <span class="sr">{t('review_entryN', n)}</span>
                  </span>
                  {/* A textarea: an entry may span several lines, and they are kept. */}
                  <textarea
                    rows={2}
                    value={e.text}
                    aria-describedby={`rv-lint-tl-${i}`}
                    onInput={(ev) => set(i, { text: ev.currentTarget.value })}
                  />
                </label>
                <label>
                  <span>
                    {t('review_validatedBy')} <span class="sr">{t('review_entryN', n)}</span>
                  </span>
                  <input
                    type="text"
                    list={PARTICIPANTS_LIST}
                    value={e.validatedBy ?? ''}
                    onInput={(ev) => set(i, { validatedBy: ev.currentTarget.value })}
                  />
                </label>
                <RemoveButton
                  label={t('review_entryN', n)}
                  onClick={() => change((r) => ({ ...r, timeline: removeAt(r.timeline, i) }))}
                />
              </div>
              <Lints id={`rv-lint-tl-${i}`} lints={lints.get(`timeline[${i}].text`)} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="secondary"
        onClick={() =>
          change((r) => ({ ...r, timeline: [...r.timeline, newEntry(r.timeline, fallbackAt)] }))
        }
      >
        {t('review_addEntry')}
      </button>
      <Lints id="rv-lint-timeline" lints={lints.get('timeline')} />
    </fieldset>
  );
}
