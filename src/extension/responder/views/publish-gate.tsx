import { useState } from 'preact/hooks';
import { lintVerdict } from '../../../core/comms/lint';
import { lintPublicTitle } from '../../../core/comms/title';
import type { Lint } from '../../../core/types';
import { lintLine } from '../../i18n/core-text';
import { t } from '../../i18n/translate';
import { InputField } from './common';

/** Draft field holding the public title (kept with the draft until published). */
export const PUBLIC_TITLE_FIELD = 'sp_title';

/** The public title input and its lints (errors block, warnings are confirmed at publish). */
export function PublicTitleField(props: {
  prefix: string;
  value: string;
  lints: readonly Lint[];
  set(value: string): void;
}) {
  const errors = props.lints.filter((l) => l.level === 'error');
  return (
    <InputField
      id={`${props.prefix}-title`}
      label={t('rs_field_publicTitle')}
      hint={t('rs_publicTitle_hint')}
      error={errors.length ? errors.map(lintLine).join(' ') : null}
      value={props.value}
      onValue={props.set}
    />
  );
}

/** The public title's lints, against the internal title (reusing it is flagged). */
export const titleLints = (title: string, internal: string): Lint[] =>
  lintPublicTitle(title, { internalTitle: internal });

/**
 * The gate in front of a send: errors block it; warnings need a second, explicit "anyway". Returns
 * the refusal text to show, or null when the caller may send now. Any change to the lints (an
 * edit) asks again.
 */
export function usePublishGate(lints: readonly Lint[]) {
  const key = lints.map((l) => `${l.messageId ?? l.code}|${l.start ?? ''}`).join(',');
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const v = lintVerdict(lints);
  return {
    verdict: v.verdict,
    /** Shows "Publish anyway" while the warnings of this very text are on screen. */
    asking: asking === key && v.verdict === 'confirm',
    /** Null to go ahead; else why not (and, for warnings, the question is now asked). */
    check(force: boolean): string | null {
      if (v.verdict === 'block') return t('rs_gate_blocked', v.errors.map(lintLine).join(' '));
      if (v.verdict === 'confirm' && !(force && asking === key) && confirmed !== key) {
        setAsking(key);
        return t('rs_gate_confirm', v.warnings.map(lintLine).join(' '));
      }
      if (force) setConfirmed(key);
      setAsking(null);
      return null;
    },
  };
}
