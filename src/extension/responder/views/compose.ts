import { composeUpdate, proposeNextUpdate } from '../../../core/comms/compose';
import { customerTimeZone, formatClock } from '../../../core/time';
import { composeInitial, composeResolution } from '../../../core/comms/messages';
import { lintMessage } from '../../../core/comms/lint';
import {
  renderTemplate,
  type TemplateProblem,
  type TemplateVars,
} from '../../../core/comms/render';
import { DEFAULT_TEMPLATES, type TemplateId } from '../../../core/comms/templates';
import type { Lint, Policy, Severity } from '../../../core/types';
import type { IncidentRecord } from '../../db/schema';
import { fromLocalInput, toLocalInput } from '../../ui/datetime-input';
import type { MessageKind } from '../protocol';
import { languageOf } from '../../../core/language';
import { templateKey } from '../../managed/templates';
import { templateProblemText } from '../../i18n/template-problem';
import { t } from '../../i18n/translate';

/** Why the team's template cannot be used, as Options → Templates words it, and where to fix it. */
const brokenTemplate = (problems: readonly TemplateProblem[] | undefined): { problem?: string } =>
  problems && problems.length > 0
    ? { problem: t('rs_compose_brokenBecause', problems.map(templateProblemText).join(' ')) }
    : {};

/** One input of a message draft. */
export interface FieldDef {
  name: string;
  type: 'text' | 'textarea' | 'datetime' | 'url';
  /** A blank optional field is left out without complaint. */
  optional?: boolean;
}

/** The inputs of each message kind (everything else comes from the incident and the policy). */
export const KIND_FIELDS: Readonly<Record<MessageKind, readonly FieldDef[]>> = {
  initial: [
    { name: 'feature', type: 'text' },
    { name: 'impact', type: 'textarea' },
    { name: 'nextUpdateAt', type: 'datetime' },
  ],
  update: [
    { name: 'impacted', type: 'textarea' },
    { name: 'learned', type: 'textarea' },
    { name: 'nextUpdateAt', type: 'datetime' },
  ],
  resolution: [
    { name: 'feature', type: 'text' },
    { name: 'explanation', type: 'textarea' },
    { name: 'resolvedAt', type: 'datetime' },
  ],
  customer_email: [
    { name: 'accountName', type: 'text' },
    { name: 'feature', type: 'text' },
    { name: 'impact', type: 'textarea' },
    { name: 'statusPageUrl', type: 'url' },
    { name: 'company', type: 'text' },
  ],
  exec: [
    { name: 'impact', type: 'textarea' },
    { name: 'customersAffected', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'commander', type: 'text' },
    { name: 'nextUpdateAt', type: 'datetime' },
  ],
  banner: [
    { name: 'feature', type: 'text' },
    { name: 'statusPageUrl', type: 'url' },
  ],
};

/** What a draft is rendered against. */
export interface ComposeEnv {
  incident: Pick<IncidentRecord, 'title' | 'components' | 'startedAt'>;
  severity: Severity | null;
  policy: Pick<Policy, 'updateCadenceMinutes' | 'postmortemHours' | 'levels'>;
  /** The team's templates (settings); missing ones fall back to the defaults. */
  templates?: Readonly<Record<string, string>>;
  now: number;
  locale: string;
  /** The status page's time zone: customer text states its times in it (UTC when unknown). */
  timeZone?: string;
}

/** A draft's outcome: the text with its lints, or what is missing. */
export type Drafted =
  { ok: true; text: string; lints: Lint[] } | { ok: false; missing: string[]; problem?: string };

/** Starting values: the affected components as the feature, times proposed from now and the cadence. */
export function defaultFields(kind: MessageKind, env: ComposeEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of KIND_FIELDS[kind]) out[f.name] = '';
  if ('feature' in out) out.feature = env.incident.components.join(', ');
  if ('nextUpdateAt' in out)
    out.nextUpdateAt = toLocalInput(proposeNextUpdate(env.now, env.policy.updateCadenceMinutes));
  if ('resolvedAt' in out) out.resolvedAt = toLocalInput(env.now);
  return out;
}

/** Placeholders filled from fields by another name. */
const FIELD_OF: Readonly<Record<string, string>> = {
  resolvedTime: 'resolvedAt',
  nextUpdateTime: 'nextUpdateAt',
};

/**
 * Renders a draft with the team's template and lints it. An update goes through the core's
 * `composeUpdate`, which refuses it when any of its three elements is missing.
 */
export function draftMessage(
  kind: MessageKind,
  fields: Readonly<Record<string, string>>,
  env: ComposeEnv,
): Drafted {
  // The team's wording in the UI language first, then its English one, then the default.
  const template =
    env.templates?.[templateKey(kind, languageOf(env.locale))] ??
    env.templates?.[kind] ??
    DEFAULT_TEMPLATES[kind as TemplateId];
  const zone = customerTimeZone(env.timeZone);
  const clock = (at: number | null) =>
    at === null
      ? ''
      : formatClock(at, env.locale, { timeZone: zone, zoneName: true, now: env.now });
  const nextAt = fromLocalInput(fields.nextUpdateAt ?? '');
  const ctx = { now: env.now, locale: env.locale, timeZone: zone, policy: env.policy, template };
  const outcome = (
    r: ReturnType<typeof composeInitial> | ReturnType<typeof composeResolution>,
  ): Drafted =>
    r.ok
      ? { ok: true, text: r.text, lints: r.lints }
      : {
          ok: false,
          missing: r.missing,
          ...(r.missing.length === 0 ? brokenTemplate(r.problems) : {}),
        };
  if (kind === 'initial')
    return outcome(
      composeInitial(
        { feature: fields.feature ?? '', impact: fields.impact ?? '', nextUpdateAt: nextAt },
        ctx,
      ),
    );
  if (kind === 'resolution')
    return outcome(
      composeResolution(
        {
          feature: fields.feature ?? '',
          explanation: fields.explanation ?? '',
          resolvedAt: fromLocalInput(fields.resolvedAt ?? ''),
        },
        { ...ctx, severity: env.severity },
      ),
    );
  if (kind === 'update') {
    const r = composeUpdate(
      { impacted: fields.impacted ?? '', learned: fields.learned ?? '', nextUpdateAt: nextAt },
      {
        now: env.now,
        locale: env.locale,
        cadenceMinutes: env.policy.updateCadenceMinutes,
        template,
        timeZone: zone,
      },
    );
    if (!r.ok)
      return {
        ok: false,
        missing: r.missing,
        ...(r.missing.length === 0 ? brokenTemplate(r.problems) : {}),
      };
    return { ok: true, text: r.text, lints: r.lints };
  }
  const vars: TemplateVars = {
    ...fields,
    cadence: env.policy.updateCadenceMinutes,
    postmortemHours: env.policy.postmortemHours,
    title: env.incident.title,
    severity: env.severity,
    startedTime: clock(env.incident.startedAt),
    resolvedTime: clock(fromLocalInput(fields.resolvedAt ?? '')),
    nextUpdateTime: clock(nextAt),
  };
  const r = renderTemplate(kind, template, vars);
  if (!r.ok) {
    const missing = r.problems
      .filter((p) => p.code === 'missing_value' && p.placeholder)
      .map((p) => FIELD_OF[p.placeholder!] ?? p.placeholder!);
    return {
      ok: false,
      missing: [...new Set(missing)],
      ...brokenTemplate(r.problems.filter((p) => p.code !== 'missing_value')),
    };
  }
  const lints = lintMessage(r.text, {
    kind,
    now: env.now,
    cadenceMinutes: env.policy.updateCadenceMinutes,
    ...(kind === 'exec' ? { nextUpdateAt: nextAt } : {}),
  });
  return { ok: true, text: r.text, lints };
}

/** A text cut into plain and highlighted runs from lint spans (overlaps merged), for inline display. */
export function lintRuns(text: string, lints: readonly Lint[]): { text: string; lint?: Lint }[] {
  const spans = lints
    .filter(
      (l): l is Lint & { start: number; end: number } =>
        l.start !== undefined && l.end !== undefined && l.end > l.start,
    )
    .sort((a, b) => a.start - b.start);
  const runs: { text: string; lint?: Lint }[] = [];
  let pos = 0;
  for (const l of spans) {
    if (l.start < pos) continue;
    if (l.start > pos) runs.push({ text: text.slice(pos, l.start) });
    runs.push({ text: text.slice(l.start, l.end), lint: l });
    pos = l.end;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos) });
  return runs;
}
