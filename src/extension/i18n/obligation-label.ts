import type { ObligationStatus } from '../../core/types';
import { tOr } from './translate';

/** Rules whose wording carries a number of the policy, and that number's unit (ms). */
const SPAN_UNIT: Record<string, number> = {
  // the update cadence, in minutes; the post-mortem window, in hours
  status_updates: 60_000,
  postmortem: 3_600_000,
};

/**
 * A duty's name in the UI language. The cadence and the post-mortem window are read off the
 * duty itself (due minus anchor), so an edited policy reads true; before its anchor (no clock
 * yet) such a duty keeps the policy's own wording. A rule the catalogue does not know keeps it too.
 */
export function obligationLabel(
  o: Pick<ObligationStatus, 'ruleId' | 'label' | 'anchorAt' | 'dueAt' | 'everyMinutes'>,
): string {
  const unit = SPAN_UNIT[o.ruleId];
  const subs: string[] = [];
  if (unit !== undefined) {
    // A recurring duty's cadence (a promised next update may make this one due sooner), else the
    // span from its anchor to its deadline.
    const span =
      o.everyMinutes !== undefined
        ? o.everyMinutes * 60_000
        : o.dueAt !== null && o.anchorAt !== null
          ? o.dueAt - o.anchorAt
          : null;
    if (span === null) return o.label;
    subs.push(String(Math.round((span / unit) * 10) / 10));
  }
  return tOr(o.label, `rs_ob_${o.ruleId}`, ...subs);
}

/**
 * A duty's note in the UI language, where the view knows what it says: a promised update missed
 * at resolution, and a duty carried over from an earlier severity (`fromSeverity`). Other notes
 * keep the core's English.
 */
export function obligationNote(
  o: Pick<ObligationStatus, 'ruleId' | 'state' | 'note' | 'fromSeverity'>,
): string | undefined {
  if (o.note === undefined) return undefined;
  if (o.fromSeverity !== undefined) {
    const key =
      o.state === 'met_late'
        ? 'rs_ob_carried_late'
        : o.state === 'missed'
          ? 'rs_ob_carried_missed'
          : 'rs_ob_carried_owed';
    return tOr(o.note, key, String(o.fromSeverity));
  }
  if (o.ruleId === 'promised_update' && o.state === 'missed')
    return tOr(o.note, 'rs_ob_promised_missed');
  return o.note;
}
