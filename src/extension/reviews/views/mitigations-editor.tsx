import { t } from '../../i18n/translate';
import { removeAt, replaceAt } from './draft';
import { Lints } from './lint-view';
import type { PartProps } from './parts';
import { RemoveButton } from './remove-button';

/** Immediate mitigations that were completed: one line each. */
export function MitigationsEditor({ review, change, lints }: PartProps) {
  return (
    <fieldset>
      <legend>{t('review_mitigations')}</legend>
      <ul class="items">
        {review.mitigations.map((m, i) => (
          <li key={i}>
            <div class="row">
              <label style="flex:3 1 18em">
                <span>{t('review_mitigationN', i + 1)}</span>
                <input
                  type="text"
                  value={m}
                  aria-describedby={`rv-lint-mit-${i}`}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    change((r) => ({ ...r, mitigations: replaceAt(r.mitigations, i, v) }));
                  }}
                />
              </label>
              <RemoveButton
                label={t('review_mitigationN', i + 1)}
                onClick={() => change((r) => ({ ...r, mitigations: removeAt(r.mitigations, i) }))}
              />
            </div>
            <Lints id={`rv-lint-mit-${i}`} lints={lints.get(`mitigations[${i}]`)} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="secondary"
        onClick={() => change((r) => ({ ...r, mitigations: [...r.mitigations, ''] }))}
      >
        {t('review_addMitigation')}
      </button>
    </fieldset>
  );
}
