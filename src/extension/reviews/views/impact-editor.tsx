import { arrAtRisk } from '../../../core/review';
import { formatDuration } from '../../../core/time';
import { t, tn, uiLocale } from '../../i18n/translate';
import { amount, removeAt, replaceAt } from './draft';
import type { PartProps } from './parts';
import { RemoveButton } from './remove-button';

/**
 * Impact quantification: customers affected, the duration computed from the incident's timeline,
 * and the ARR at risk — an entered estimate, or the sum of the listed accounts' ARR.
 */
export function ImpactEditor({
  review,
  change,
  durationMinutes,
}: PartProps & { durationMinutes: number | undefined }) {
  const imp = review.impact;
  const num = new Intl.NumberFormat(uiLocale());
  const arr = arrAtRisk(imp);
  const entered = typeof imp.arrAtRisk === 'number';
  const setImpact = (patch: Partial<typeof imp>) =>
    change((r) => ({ ...r, impact: { ...r.impact, ...patch } }));
  const setAccount = (i: number, patch: Partial<(typeof imp.accounts)[number]>) =>
    change((r) => {
      const a = r.impact.accounts[i];
      return a
        ? {
            ...r,
            impact: { ...r.impact, accounts: replaceAt(r.impact.accounts, i, { ...a, ...patch }) },
          }
        : r;
    });
  return (
    <fieldset>
      <legend>{t('review_impact')}</legend>
      <div class="row">
        <label>
          <span>{t('review_customers')}</span>
          <input
            type="number"
            min={0}
            step={1}
            value={imp.customersAffected ?? ''}
            onInput={(e) => {
              const n = amount(e.currentTarget.value);
              setImpact({ customersAffected: n === undefined ? undefined : Math.round(n) });
            }}
          />
        </label>
        <div>
          <span class="field">
            <b>{t('review_duration')}</b>
          </span>
          <output data-testid="rv-duration">
            {durationMinutes === undefined
              ? t('review_durationUnknown')
              : formatDuration(durationMinutes * 60_000, uiLocale())}
          </output>
          <p class="hint">{t('review_durationHint')}</p>
        </div>
        <label>
          <span>{t('review_arrEntered')}</span>
          <input
            type="number"
            min={0}
            value={imp.arrAtRisk ?? ''}
            aria-describedby="rv-arr-hint"
            onInput={(e) => setImpact({ arrAtRisk: amount(e.currentTarget.value) })}
          />
          <p class="hint" id="rv-arr-hint">
            {t('review_arrHint')}
          </p>
        </label>
        <label>
          <span>{t('review_arrCurrency')}</span>
          <input
            type="text"
            maxLength={3}
            size={4}
            value={imp.arrCurrency ?? ''}
            onInput={(e) => setImpact({ arrCurrency: e.currentTarget.value.toUpperCase() })}
          />
        </label>
      </div>
      <fieldset>
        <legend>{t('review_accounts')}</legend>
        <ul class="items">
          {imp.accounts.map((a, i) => (
            <li key={i} class="row">
              <label>
                <span>
                  {t('review_accountName')} <span class="sr">{t('review_accountN', i + 1)}</span>
                </span>
                <input
                  type="text"
                  value={a.name}
                  onInput={(e) => setAccount(i, { name: e.currentTarget.value })}
                />
              </label>
              <label>
                <span>
                  {t('review_accountArr')} <span class="sr">{t('review_accountN', i + 1)}</span>
                </span>
                <input
                  type="number"
                  min={0}
                  value={a.arr}
                  onInput={(e) => setAccount(i, { arr: amount(e.currentTarget.value) ?? 0 })}
                />
              </label>
              <RemoveButton
                label={t('review_accountN', i + 1)}
                onClick={() =>
                  change((r) => ({
                    ...r,
                    impact: { ...r.impact, accounts: removeAt(r.impact.accounts, i) },
                  }))
                }
              />
            </li>
          ))}
        </ul>
        <button
          type="button"
          class="secondary"
          onClick={() => setImpact({ accounts: [...imp.accounts, { name: '', arr: 0 }] })}
        >
          {t('review_addAccount')}
        </button>
      </fieldset>
      <p data-testid="rv-arr">
        {t('review_arrTotal')} <strong>{arr === null ? '—' : num.format(arr)}</strong>{' '}
        <span class="hint">
          ({entered ? t('review_arrSourceEntered') : tn('review_arrSourceSum', imp.accounts.length)}
          )
        </span>
      </p>
    </fieldset>
  );
}
