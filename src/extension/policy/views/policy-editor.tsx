import { formatClock } from '../../../core/time';
import { useState } from 'preact/hooks';
import { computeObligations } from '../../../core/obligations';
import {
  DEFAULT_POLICY,
  classificationOf,
  severityName,
  validatePolicy,
} from '../../../core/policy';
import {
  appliesOf,
  OPTIONAL_RULES,
  setApplies,
  setCadence,
  setDeadline,
  setPostmortemHours,
  setWidespreadPercent,
  type Applies,
} from '../../../core/policy-edit';
import type { ObligationRule, Policy, PolicyProblem, Severity } from '../../../core/types';
import { getSetting, settingChanges } from '../../db/settings';
import { lastChangeOf } from '../../db/setting-log';
import { send } from '../../messaging/channel';
import { t, uiLocale } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';
import { ManagedBadge } from '../../managed/views/managed-notice';
import { useManaged } from '../../managed/views/use-managed';
import { ExportConfig } from './export-config';
import { LastChanged, PolicyHistory } from './changed-by';

const SEVERITIES: Severity[] = [1, 2, 3, 4];
/** Rules whose number is set once for every severity (their own field at the top). */
const SHARED_RULES = new Set(['status_updates', 'postmortem']);
const APPLIES: Applies[] = ['always', 'publicly_visible', 'commonly_used', 'never'];

/** The messages validatePolicy gave for one path. */
const at = (problems: PolicyProblem[], path: string): string[] =>
  problems.filter((p) => p.path === path).map((p) => p.message);

/** A number input with its label, hint and the core's messages for its path beside it. */
function NumberField(props: {
  id: string;
  label: string;
  value: number;
  errors: string[];
  disabled: boolean;
  onChange(n: number): void;
}) {
  const errId = `${props.id}-err`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        value={Number.isFinite(props.value) ? props.value : ''}
        disabled={props.disabled}
        aria-invalid={props.errors.length > 0 ? 'true' : undefined}
        aria-describedby={props.errors.length > 0 ? errId : undefined}
        onInput={(e) => props.onChange(e.currentTarget.valueAsNumber)}
      />
      {props.errors.length > 0 && (
        <p id={errId} class="field-error">
          {props.errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** What a rule asks of a SEV-n incident declared now: its deadline as a clock time, or why none. */
function Preview({ policy, now }: { policy: Policy; now: number }) {
  const time = (at: number) => formatClock(at, uiLocale(), { zoneName: true, now });
  return (
    <section aria-labelledby="policy-preview">
      <h3 id="policy-preview">{t('policy_preview')}</h3>
      {SEVERITIES.map((severity) => {
        const level = policy.levels.find((l) => l.severity === severity);
        if (!level) return null;
        const statuses = computeObligations(
          {
            events: [{ id: 'c', type: 'classified', at: now, severity }],
            publiclyVisible: true,
            commonlyUsed: true,
          },
          policy,
          now,
        );
        return (
          <div key={severity}>
            <h4>{severityName(policy, severity)}</h4>
            <ul>
              {level.obligations.map((rule) => {
                const s = statuses.find((x) => x.ruleId === rule.id);
                const when = rule.standing
                  ? t('policy_standing')
                  : rule.anchor === 'resolved'
                    ? t('policy_afterResolution', rule.dueMinutes / 60)
                    : s?.dueAt != null
                      ? t('policy_dueAt', time(s.dueAt), rule.dueMinutes)
                      : t('policy_notApplicable');
                return (
                  <li key={rule.id}>
                    {rule.label}: {when}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** One severity's rules: each deadline, and whether the status page and the customer email apply. */
function LevelFields(props: {
  policy: Policy;
  index: number;
  problems: PolicyProblem[];
  disabled: boolean;
  change(p: Policy): void;
}) {
  const level = props.policy.levels[props.index]!;
  const sev = level.severity;
  const path = (j: number) => `levels[${props.index}].obligations[${j}].dueMinutes`;
  const deadline = (rule: ObligationRule, j: number) => {
    if (rule.standing) return <p class="meta">{t('policy_standingRule', rule.label)}</p>;
    if (SHARED_RULES.has(rule.id)) return <p class="meta">{t('policy_sharedRule', rule.label)}</p>;
    return (
      <NumberField
        id={`rule-${sev}-${rule.id}`}
        label={t('policy_ruleMinutes', rule.label)}
        value={rule.dueMinutes}
        errors={at(props.problems, path(j))}
        disabled={props.disabled}
        onChange={(n) => props.change(setDeadline(props.policy, sev, rule.id, n))}
      />
    );
  };
  return (
    <fieldset>
      <legend>{severityName(props.policy, sev)}</legend>
      {OPTIONAL_RULES.map((id) => (
        <div class="field" key={id}>
          <label for={`applies-${sev}-${id}`}>{t(`policy_applies_${id}`)}</label>
          <select
            id={`applies-${sev}-${id}`}
            value={appliesOf(props.policy, sev, id)}
            disabled={props.disabled}
            onChange={(e) =>
              props.change(setApplies(props.policy, sev, id, e.currentTarget.value as Applies))
            }
          >
            {APPLIES.map((a) => (
              <option key={a} value={a}>
                {t(`policy_appliesOpt_${a}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      {level.obligations.map((rule, j) => (
        <div key={rule.id}>{deadline(rule, j)}</div>
      ))}
    </fieldset>
  );
}

/** The editor over a loaded policy: live validation, preview, save, reset. */
function Editor({ saved, locked }: { saved: Policy; locked: boolean }) {
  const [policy, setPolicy] = useState<Policy>(saved);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { problems } = validatePolicy(policy);
  const unplaced = problems.filter(
    (p) =>
      !/^levels\[\d+]\.obligations\[\d+]\.dueMinutes$|^(updateCadenceMinutes|postmortemHours|dueSoonMinutes|name|classification\.widespreadPercent)$/.test(
        p.path,
      ),
  );
  const change = (p: Policy) => (setPolicy(p), setOutcome(null));
  const save = (next: Policy) => {
    setOutcome(null);
    void send('settings/setPolicy', { policy: next })
      .then((p) => (setPolicy(p), setOutcome({ ok: true, text: t('policy_saved', p.version) })))
      .catch((e: unknown) => setOutcome({ ok: false, text: errorMessage(e) }));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) save(policy);
      }}
      noValidate
    >
      <p class="muted">{t('policy_intro')}</p>
      {locked && (
        <p>
          <ManagedBadge /> {t('policy_locked')}
        </p>
      )}
      <fieldset>
        <legend>{t('policy_general')}</legend>
        <div class="field">
          <label for="policy-name">{t('policy_name')}</label>
          <input
            id="policy-name"
            type="text"
            value={policy.name}
            disabled={locked}
            onInput={(e) => change({ ...policy, name: e.currentTarget.value })}
          />
          {at(problems, 'name').length > 0 && (
            <p class="field-error">{at(problems, 'name').join(' ')}</p>
          )}
        </div>
        <NumberField
          id="policy-cadence"
          label={t('policy_cadence')}
          value={policy.updateCadenceMinutes}
          errors={at(problems, 'updateCadenceMinutes')}
          disabled={locked}
          onChange={(n) => change(setCadence(policy, n))}
        />
        <NumberField
          id="policy-postmortem"
          label={t('policy_postmortem')}
          value={policy.postmortemHours}
          errors={at(problems, 'postmortemHours')}
          disabled={locked}
          onChange={(n) => change(setPostmortemHours(policy, n))}
        />
        <NumberField
          id="policy-due-soon"
          label={t('policy_dueSoon')}
          value={policy.dueSoonMinutes}
          errors={at(problems, 'dueSoonMinutes')}
          disabled={locked}
          onChange={(n) => change({ ...policy, dueSoonMinutes: n })}
        />
        <NumberField
          id="policy-widespread"
          label={t('policy_widespread')}
          value={classificationOf(policy).widespreadPercent}
          errors={at(problems, 'classification.widespreadPercent')}
          disabled={locked}
          onChange={(n) => change(setWidespreadPercent(policy, n))}
        />
      </fieldset>
      {policy.levels.map((l, i) => (
        <LevelFields
          key={l.severity}
          policy={policy}
          index={i}
          problems={problems}
          disabled={locked}
          change={change}
        />
      ))}
      {unplaced.length > 0 && (
        <ul class="field-error">
          {unplaced.map((p) => (
            <li key={p.path + p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      <p class="meta">{t('policy_appliesToNew')}</p>
      {!locked && (
        <p>
          <button type="submit" disabled={problems.length > 0}>
            {t('policy_save')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => save({ ...DEFAULT_POLICY, version: policy.version })}
          >
            {t('policy_reset')}
          </button>
        </p>
      )}
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <Preview policy={policy} now={Date.now()} />
    </form>
  );
}

const readPolicy = async (db: Parameters<typeof getSetting>[0]) => ({
  policy: await getSetting(db, 'policy'),
  changes: await settingChanges(db, 'policy'),
});

/** Options → Policy: every rule per severity, validated live by the core, saved as a new version. */
export function PolicySection() {
  const q = useDbQuery(readPolicy, []);
  const managed = useManaged();
  if (q.error) return <p class="error">{q.error}</p>;
  if (!q.data || !managed) return <p class="muted">{t('popup_loading')}</p>;
  return (
    <div>
      {/* Team mode: the policy is the team's; who changed it last, and the recent changes. */}
      <LastChanged change={lastChangeOf(q.data.changes, 'policy')} />
      <PolicyHistory log={q.data.changes} />
      <Editor
        // Remounted only when the lock changes: a save re-reads storage, and the editor must keep
        // its outcome message and the user's place.
        key={String(managed.config.policy !== null)}
        saved={q.data.policy}
        locked={managed.config.policy !== null}
      />
      <ExportConfig />
    </div>
  );
}
