import { useMemo, useState } from 'preact/hooks';
import { classificationOf } from '../../../core/policy';
import type { FeatureCriticality, Policy, Severity } from '../../../core/types';
import type { IncidentRecord } from '../../db/schema';
import { reasonRequired } from '../../../core/triage';
import { send } from '../../messaging/channel';
import { assumptionLine, reasonLine } from '../../i18n/core-text';
import { t } from '../../i18n/translate';
import { SeverityChip } from '../../ui/components/severity';
import { Alert, Field, useAction } from './common';
import {
  TRI_QUESTIONS,
  classifyDecision,
  percentError,
  explainedSuggestion,
  initialClassifyForm,
  type ClassifyForm,
  type Tri,
} from './classify-form';

const CRITICALITY: readonly (FeatureCriticality | 'unknown')[] = [
  'critical',
  'significant',
  'non_critical',
  'unknown',
];
const TRIS: readonly Tri[] = ['yes', 'no', 'unknown'];

/**
 * The classifier's impact questions, the suggested severity with the rules that fired, and
 * accept-or-override (an override needs a reason, which is recorded). Reclassify at any time.
 */
export function ClassifyPanel({
  incident,
  policy,
  onDone,
}: {
  incident: IncidentRecord;
  /** The policy the incident runs on: its share-of-users threshold draws the SEV-2/3 line. */
  policy: Policy;
  onDone(): void;
}) {
  const thresholds = classificationOf(policy);
  const [form, setForm] = useState<ClassifyForm>(() =>
    initialClassifyForm(incident.answers, incident.publiclyVisible),
  );
  const action = useAction();
  const s = useMemo(() => explainedSuggestion(form, thresholds), [form, thresholds]);
  const chosen = form.chosen ?? s.severity;
  const needs = reasonRequired({ current: incident.severity, suggested: s.severity, chosen });
  const overriding = needs !== null;
  const pctError = percentError(form.percentUsersAffected);
  const set = <K extends keyof ClassifyForm>(k: K, v: ClassifyForm[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const again = incident.severity !== null;

  const submit = (e: Event) => {
    e.preventDefault();
    const d = classifyDecision(incident.id, form, incident.severity, thresholds);
    if (!d.ok) {
      action.setError(t(d.error));
      document
        .getElementById(d.error.startsWith('classify_err_percent') ? 'cl-pct' : 'cl-reason')
        ?.focus();
      return;
    }
    void action.run(async () => {
      await send('incidents/classify', d.req);
      onDone();
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="cl-h">
      <h2 id="cl-h">{t(again ? 'rs_classify_again' : 'rs_classify_title')}</h2>
      {TRI_QUESTIONS.slice(0, 2).map((q) => (
        <TriQuestion key={q} q={q} value={form[q]} onChange={(v) => set(q, v)} />
      ))}
      <Field
        id="cl-pct"
        label={t('rs_q_percentUsersAffected')}
        hint={t('rs_q_percentHint')}
        error={pctError ? t(pctError) : null}
      >
        {(a) => (
          <input
            {...a}
            type="text"
            inputMode="decimal"
            value={form.percentUsersAffected}
            onInput={(e) => set('percentUsersAffected', e.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('rs_q_featureCriticality')}</legend>
        {CRITICALITY.map((c) => (
          <label class="inline" key={c}>
            <input
              type="radio"
              name="cl-crit"
              checked={form.featureCriticality === c}
              onChange={() => set('featureCriticality', c)}
            />{' '}
            {t(`rs_crit_${c}`)}
          </label>
        ))}
      </fieldset>
      {TRI_QUESTIONS.slice(2).map((q) => (
        <TriQuestion key={q} q={q} value={form[q]} onChange={(v) => set(q, v)} />
      ))}
      <section class="suggestion" aria-labelledby="cl-sugg" aria-live="polite">
        <h3 id="cl-sugg">
          {t('rs_classify_suggested')} <SeverityChip level={s.severity} long />
        </h3>
        <ul class="reasons">
          {s.reasons.map((r) => (
            <li key={r.code}>{reasonLine(r)}</li>
          ))}
        </ul>
        {s.assumed.length > 0 && (
          <>
            <p class="muted meta">{t('rs_classify_assumed')}</p>
            <ul class="reasons muted">
              {s.assumed.map((a) => (
                <li key={a}>{assumptionLine(a, s.widespreadPercent)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <Field id="cl-sev" label={t('rs_classify_severity')}>
        {(a) => (
          <select
            {...a}
            value={String(chosen)}
            onChange={(e) => set('chosen', Number(e.currentTarget.value) as Severity)}
          >
            {([1, 2, 3, 4] as const).map((n) => (
              <option key={n} value={String(n)}>
                {`SEV-${n} · ${t(`sev_name${n}`)}${n === s.severity ? ` (${t('rs_classify_suggestedShort')})` : ''}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {overriding && (
        <Field id="cl-reason" label={t('rs_classify_reason')} hint={t('rs_classify_reasonHint')}>
          {(a) => (
            <textarea
              {...a}
              rows={2}
              value={form.overrideReason}
              onInput={(e) => set('overrideReason', e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <p>
        <button type="submit" disabled={action.busy}>
          {t(overriding ? 'rs_classify_override' : 'rs_classify_accept', `SEV-${chosen}`)}
        </button>
      </p>
      <Alert message={action.error} />
    </form>
  );
}

function TriQuestion({ q, value, onChange }: { q: string; value: Tri; onChange(v: Tri): void }) {
  return (
    <fieldset>
      <legend>{t(`rs_q_${q}`)}</legend>
      {TRIS.map((v) => (
        <label class="inline" key={v}>
          <input type="radio" name={`cl-${q}`} checked={value === v} onChange={() => onChange(v)} />{' '}
          {t(`rs_tri_${v}`)}
        </label>
      ))}
    </fieldset>
  );
}
