import { formatClock } from '../../../core/time';
import { useRef, useState } from 'preact/hooks';
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
import type { ObligationRule, Policy, PolicyRuleProblem, Severity } from '../../../core/types';
import { getSetting, settingChanges } from '../../db/settings';
import { lastChangeOf } from '../../db/setting-log';
import { send } from '../../messaging/channel';
import { t, uiLocale } from '../../i18n/translate';
import { policyFieldName, policyProblemText } from '../../i18n/policy-problem';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';
import { ManagedBadge } from '../../managed/views/managed-notice';
import { useManaged } from '../../managed/views/use-managed';
import { ExportConfig } from './export-config';
import { LastChanged, PolicyHistory } from './changed-by';
import { NumberField, Outcome, SelectField, TextField } from './fields';

const SEVERITIES: Severity[] = [1, 2, 3, 4];
/** Rules whose number is set once for every severity (their own field at the top). */
const SHARED_RULES = new Set(['status_updates', 'postmortem']);
const APPLIES: Applies[] = ['always', 'publicly_visible', 'commonly_used', 'never'];

/**
 * The policy-wide numbers: the field, the path validatePolicy names (which also names its label:
 * i18n/policy-problem.ts), how to read and set it.
 */
const GENERAL: {
  id: string;
  path: string;
  get(p: Policy): number;
  set(p: Policy, n: number): Policy;
}[] = [
  {
    id: 'policy-cadence',
    path: 'updateCadenceMinutes',
    get: (p) => p.updateCadenceMinutes,
    set: setCadence,
  },
  {
    id: 'policy-postmortem',
    path: 'postmortemHours',
    get: (p) => p.postmortemHours,
    set: setPostmortemHours,
  },
  {
    id: 'policy-due-soon',
    path: 'dueSoonMinutes',
    get: (p) => p.dueSoonMinutes,
    set: (p, n) => ({ ...p, dueSoonMinutes: n }),
  },
  {
    id: 'policy-widespread',
    path: 'classification.widespreadPercent',
    get: (p) => classificationOf(p).widespreadPercent,
    set: setWidespreadPercent,
  },
];

/**
 * The field's own messages when validatePolicy refused the value at its path, naming the field as
 * its label does ("“Policy name” must not be empty."), never the core's path and English. A
 * deadline's field stands in its level's fieldset, so its message names the rule alone.
 */
const at = (problems: PolicyRuleProblem[], path: string, policy: Policy): string[] =>
  problems.filter((p) => p.path === path).map((p) => policyProblemText(p, policy, true));

/** The setting each rule set above copies (the editor writes both at once: setCadence, …). */
const COPIED_FROM: Record<string, string> = {
  status_updates: 'updateCadenceMinutes',
  postmortem: 'postmortemHours',
};

/**
 * The problems no field shows next to itself, listed under the form: all but those at a field's
 * own path, and those in a rule set above whose setting is itself refused (one mistake, one
 * message: a cadence of 0 is not also each level's update rule repeating every 0 minutes).
 */
function unplacedProblems(policy: Policy, problems: PolicyRuleProblem[]): PolicyRuleProblem[] {
  const own = new Set(['name', ...GENERAL.map((f) => f.path)]);
  const refused = new Set(problems.map((p) => p.path));
  policy.levels.forEach((level, i) =>
    level.obligations.forEach((rule, j) => {
      const path = `levels[${i}].obligations[${j}]`;
      if (!rule.standing && !SHARED_RULES.has(rule.id)) own.add(`${path}.dueMinutes`);
      const copied = COPIED_FROM[rule.id];
      if (copied && refused.has(copied))
        for (const p of problems) if (p.path.startsWith(`${path}.`)) own.add(p.path);
    }),
  );
  return problems.filter((p) => !own.has(p.path));
}

/**
 * What a rule asks of a SEV-n incident declared now: its deadline as a clock time, or why none.
 * `policy` is the last one the core accepted (`refused`: the form holds a refused value since), or
 * null when none was: a refused value is never previewed ("every 0 min", "in 0 min").
 */
function Preview({
  policy,
  refused,
  now,
}: {
  policy: Policy | null;
  refused: boolean;
  now: number;
}) {
  const time = (at: number) => formatClock(at, uiLocale(), { zoneName: true, now });
  return (
    <section aria-labelledby="policy-preview">
      <h3 id="policy-preview">{t('policy_preview')}</h3>
      {refused && (
        <p class="meta">{t(policy ? 'policy_previewLastValid' : 'policy_previewNone')}</p>
      )}
      {SEVERITIES.map((severity) => {
        if (!policy) return null;
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
  problems: PolicyRuleProblem[];
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
        errors={at(props.problems, path(j), props.policy)}
        disabled={props.disabled}
        onChange={(n) => props.change(setDeadline(props.policy, sev, rule.id, n))}
      />
    );
  };
  return (
    <fieldset>
      <legend>{severityName(props.policy, sev)}</legend>
      {OPTIONAL_RULES.map((id) => (
        <SelectField
          key={id}
          id={`applies-${sev}-${id}`}
          label={t(`policy_applies_${id}`)}
          value={appliesOf(props.policy, sev, id)}
          options={APPLIES}
          optionLabel={(a) => t(`policy_appliesOpt_${a}`)}
          disabled={props.disabled}
          onChange={(a) => props.change(setApplies(props.policy, sev, id, a))}
        />
      ))}
      {level.obligations.map((rule, j) => (
        <div key={rule.id}>{deadline(rule, j)}</div>
      ))}
    </fieldset>
  );
}

/** The editor over a loaded policy: live validation, preview, save, reset. */
export function Editor({ saved, locked }: { saved: Policy; locked: boolean }) {
  const [policy, setPolicy] = useState<Policy>(saved);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { problems } = validatePolicy(policy);
  // The preview's policy: the form's while the core accepts it, else the last one it accepted.
  const accepted = useRef<Policy | null>(null);
  if (problems.length === 0) accepted.current = policy;
  const unplaced = unplacedProblems(policy, problems);
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
        <TextField
          id="policy-name"
          label={policyFieldName('name')}
          value={policy.name}
          errors={at(problems, 'name', policy)}
          disabled={locked}
          onChange={(name) => change({ ...policy, name })}
        />
        {GENERAL.map((f) => (
          <NumberField
            key={f.id}
            id={f.id}
            label={policyFieldName(f.path)}
            value={f.get(policy)}
            errors={at(problems, f.path, policy)}
            disabled={locked}
            onChange={(n) => change(f.set(policy, n))}
          />
        ))}
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
            <li key={p.path + p.message}>{policyProblemText(p, policy)}</li>
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
      <Outcome outcome={outcome} />
      <Preview policy={accepted.current} refused={problems.length > 0} now={Date.now()} />
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
