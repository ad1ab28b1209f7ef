import type { ContributingFactor, RootCauseForm } from '../../../core/review';
import { t } from '../../i18n/translate';
import { freshId, removeAt, replaceAt } from './draft';
import { Lints } from './lint-view';
import type { PartProps } from './parts';
import { RemoveButton } from './remove-button';

/** Five whys or contributing factors: chosen per review; the other form's text is kept. */
export function RootCauseFormChoice({ review, change }: Pick<PartProps, 'review' | 'change'>) {
  const form: RootCauseForm = review.rootCauseForm ?? 'whys';
  const choose = (f: RootCauseForm) => change((r) => ({ ...r, rootCauseForm: f }));
  return (
    <fieldset class="form-choice">
      <legend>{t('rvf_form')}</legend>
      <p class="hint">{t('rvf_formHint')}</p>
      {(['whys', 'factors'] as const).map((f) => (
        <label key={f} class="inline">
          <input
            type="radio"
            name="rv-root-form"
            value={f}
            checked={form === f}
            onChange={() => choose(f)}
          />{' '}
          {t(f === 'whys' ? 'rvf_formWhys' : 'rvf_formFactors')}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Contributing factors: each a condition that played a part, what shows it did (evidence), and
 * the action items that address it (ticked from the review's items). Linted for blaming wording,
 * missing evidence and a factor no item addresses.
 */
export function FactorsEditor({ review, change, lints }: PartProps) {
  const factors = review.factors ?? [];
  const set = (i: number, patch: Partial<ContributingFactor>) =>
    change((r) => {
      const list = r.factors ?? [];
      const f = list[i];
      return f ? { ...r, factors: replaceAt(list, i, { ...f, ...patch }) } : r;
    });
  const add = () =>
    change((r) => ({
      ...r,
      factors: [
        ...(r.factors ?? []),
        { id: freshId('cf'), description: '', evidence: '', actionItemIds: [] },
      ],
    }));
  return (
    <fieldset>
      <legend>{t('rvf_factors')}</legend>
      <p class="hint">{t('rvf_factorsHint')}</p>
      <ol class="items">
        {factors.map((f, i) => {
          const n = i + 1;
          return (
            <li key={f.id} data-factor={f.id}>
              <label class="field">
                <span>{t('rvf_factorN', n)}</span>
                <textarea
                  value={f.description}
                  aria-describedby={`rv-lint-cf-${i}`}
                  onInput={(e) => set(i, { description: e.currentTarget.value })}
                />
              </label>
              <label class="field">
                <span>
                  {t('rvf_evidence')} <span class="sr">{t('rvf_factorN', n)}</span>
                </span>
                <textarea
                  value={f.evidence}
                  onInput={(e) => set(i, { evidence: e.currentTarget.value })}
                />
              </label>
              <fieldset class="links">
                <legend>{t('rvf_addressedBy', n)}</legend>
                {review.actionItems.length === 0 ? (
                  <p class="hint">{t('rvf_noItems')}</p>
                ) : (
                  review.actionItems.map((a, j) => (
                    <label key={a.id} class="inline">
                      <input
                        type="checkbox"
                        checked={f.actionItemIds.includes(a.id)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          const ids = f.actionItemIds.filter((x) => x !== a.id);
                          set(i, { actionItemIds: on ? [...ids, a.id] : ids });
                        }}
                      />{' '}
                      {a.description.trim() || t('review_itemN', j + 1)}
                    </label>
                  ))
                )}
              </fieldset>
              <Lints
                id={`rv-lint-cf-${i}`}
                lints={[
                  ...(lints.get(`factors[${i}]`) ?? []),
                  ...(lints.get(`factors[${i}].evidence`) ?? []),
                ]}
              />
              <RemoveButton
                label={t('rvf_factorN', n)}
                onClick={() => change((r) => ({ ...r, factors: removeAt(r.factors ?? [], i) }))}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" class="secondary" onClick={add}>
        {t('rvf_add')}
      </button>
      <Lints id="rv-lint-factors" lints={lints.get('factors')} />
    </fieldset>
  );
}
