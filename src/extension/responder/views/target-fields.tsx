import type { StatuspageComponentStatus, StatuspageIncidentStatus } from '../../statuspage/types';
import { t } from '../../i18n/translate';
import { Field, InputField } from './common';
import { parseIds } from './component-pick';
import { ComponentPicker } from './component-picker';
import type { PublishTarget } from '../protocol';

const STATUSES: readonly StatuspageIncidentStatus[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
];
const COMPONENT_STATUSES: readonly StatuspageComponentStatus[] = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
];

/** Draft field names that hold the Statuspage target (kept in the draft with the message). */
export const TARGET_FIELDS = {
  status: 'sp_status',
  components: 'sp_components',
  componentStatus: 'sp_componentStatus',
} as const;

/** The target from draft fields, with the kind's defaults. */
export function targetOf(
  fields: Record<string, string>,
  defaults: { status: StatuspageIncidentStatus; componentStatus: StatuspageComponentStatus },
): PublishTarget {
  return {
    status:
      (fields[TARGET_FIELDS.status] as StatuspageIncidentStatus | undefined) ?? defaults.status,
    componentIds: parseIds(fields[TARGET_FIELDS.components] ?? ''),
    componentStatus:
      (fields[TARGET_FIELDS.componentStatus] as StatuspageComponentStatus | undefined) ??
      defaults.componentStatus,
  };
}

/**
 * Statuspage status, component ids and their status, for a publish. Views render this only while a
 * page is connected, so the component picker (which reads that page) is always usable here.
 */
export function TargetFields(props: {
  prefix: string;
  target: PublishTarget;
  /** The component ids as typed. */
  rawComponents: string;
  fixedStatus?: boolean;
  set(name: string, value: string): void;
}) {
  const { prefix, target, set } = props;
  return (
    <fieldset>
      <legend>{t('rs_sp_target')}</legend>
      {!props.fixedStatus && (
        <Field id={`${prefix}-sp-status`} label={t('rs_sp_status')}>
          {(a) => (
            <select
              {...a}
              value={target.status}
              onChange={(e) => set(TARGET_FIELDS.status, e.currentTarget.value)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status_${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <InputField
        id={`${prefix}-sp-components`}
        label={t('rs_sp_components')}
        hint={t('rs_sp_componentsHint')}
        value={props.rawComponents}
        onValue={(v) => set(TARGET_FIELDS.components, v)}
      />
      <ComponentPicker raw={props.rawComponents} set={(v) => set(TARGET_FIELDS.components, v)} />
      <Field id={`${prefix}-sp-cstatus`} label={t('rs_sp_componentStatus')}>
        {(a) => (
          <select
            {...a}
            value={target.componentStatus}
            onChange={(e) => set(TARGET_FIELDS.componentStatus, e.currentTarget.value)}
          >
            {COMPONENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`rs_cs_${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
