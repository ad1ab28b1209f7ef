/**
 * The initial post and the resolution, composed from their fields like `composeUpdate`: the domain
 * wording, plus what the domain leaves implicit and customers need — an impact sentence and a
 * concrete next update time first; a brief explanation last, and the post-mortem promise only
 * where the policy requires a post-mortem.
 */
import type { Lint, Policy, Severity } from '../types';
import { customerTimeZone, formatClock } from '../time';
import { lintMessage } from './lint';
import { renderTemplate, type TemplateProblem } from './render';
import { DEFAULT_TEMPLATES, type TemplateId } from './templates';

/** Where and when a message is composed. `timeZone` is the status page's (UTC when unknown). */
export interface MessageContext {
  now: number;
  locale: string;
  timeZone?: string | undefined;
  policy: Pick<Policy, 'updateCadenceMinutes' | 'postmortemHours' | 'levels'>;
  /** The team's template for this kind; the default when absent. */
  template?: string;
}

/** A composed message with its lints, or the fields it still needs (and any template problem). */
export type Composed<F extends string> =
  | { ok: true; text: string; lints: Lint[] }
  | { ok: false; missing: F[]; message: string; problems?: TemplateProblem[] };

export interface InitialInput {
  feature: string;
  /** One sentence on what customers notice ("Card payments fail for about a quarter of customers."). */
  impact: string;
  nextUpdateAt: number | null;
}

export interface ResolutionInput {
  feature: string;
  resolvedAt: number | null;
  /** A brief explanation of what happened and what fixed it. */
  explanation: string;
}

/** True when the severity's level has a post-mortem duty (SEV-1 and SEV-2 by default). */
export function postmortemRequired(
  policy: Pick<Policy, 'levels'>,
  severity: Severity | null,
): boolean {
  if (severity === null) return false;
  const level = policy.levels.find((l) => l.severity === severity);
  return !!level?.obligations.some((r) => r.channel === 'postmortem' || r.id === 'postmortem');
}

const finite = (n: number | null): n is number => n !== null && Number.isFinite(n);

function render<F extends string>(
  id: TemplateId,
  ctx: MessageContext,
  vars: Record<string, string | number>,
  lintExtra: { nextUpdateAt?: number; postmortemRequired?: boolean },
): Composed<F> {
  const r = renderTemplate(id, ctx.template ?? DEFAULT_TEMPLATES[id], vars);
  if (!r.ok) {
    const words = r.problems.map((p) => p.message).join('; ');
    return {
      ok: false,
      missing: [],
      message: `The ${id} template cannot be used: ${words}`,
      problems: r.problems,
    };
  }
  const lints = lintMessage(r.text, {
    kind: id,
    now: ctx.now,
    cadenceMinutes: ctx.policy.updateCadenceMinutes,
    ...lintExtra,
  });
  return { ok: true, text: r.text, lints };
}

function refuse<F extends string>(kind: string, missing: F[]): Composed<F> {
  return { ok: false, missing, message: `The ${kind} needs: ${missing.join(', ')}.` };
}

/**
 * The initial status-page post: "We are aware of an issue affecting X and are investigating.",
 * the impact sentence, the cadence and the concrete next update time (in the page's zone, named).
 */
export function composeInitial(
  input: InitialInput,
  ctx: MessageContext,
): Composed<keyof InitialInput> {
  const missing: (keyof InitialInput)[] = [];
  if (input.feature.trim() === '') missing.push('feature');
  if (input.impact.trim() === '') missing.push('impact');
  if (!finite(input.nextUpdateAt)) missing.push('nextUpdateAt');
  if (missing.length > 0 || !finite(input.nextUpdateAt)) return refuse('initial post', missing);
  const zone = customerTimeZone(ctx.timeZone);
  return render(
    'initial',
    ctx,
    {
      feature: input.feature.trim(),
      impact: input.impact.trim(),
      cadence: ctx.policy.updateCadenceMinutes,
      nextUpdateTime: formatClock(input.nextUpdateAt, ctx.locale, {
        timeZone: zone,
        zoneName: true,
        now: ctx.now,
      }),
    },
    { nextUpdateAt: input.nextUpdateAt },
  );
}

/**
 * The resolution: the domain sentence with the resolved time (in the page's zone, named), the
 * brief explanation, and "We will publish a full post-mortem within N hours." only when the
 * policy requires a post-mortem at `severity`.
 */
export function composeResolution(
  input: ResolutionInput,
  ctx: MessageContext & { severity: Severity | null },
): Composed<keyof ResolutionInput> {
  const missing: (keyof ResolutionInput)[] = [];
  if (input.feature.trim() === '') missing.push('feature');
  if (!finite(input.resolvedAt)) missing.push('resolvedAt');
  if (input.explanation.trim() === '') missing.push('explanation');
  if (missing.length > 0 || !finite(input.resolvedAt)) return refuse('resolution', missing);
  const required = postmortemRequired(ctx.policy, ctx.severity);
  const hours = ctx.policy.postmortemHours;
  return render(
    'resolution',
    ctx,
    {
      feature: input.feature.trim(),
      resolvedTime: formatClock(input.resolvedAt, ctx.locale, {
        timeZone: customerTimeZone(ctx.timeZone),
        zoneName: true,
        now: ctx.now,
      }),
      explanation: input.explanation.trim(),
      postmortem: required ? `We will publish a full post-mortem within ${hours} hours.` : '',
      postmortemHours: hours,
    },
    { postmortemRequired: required },
  );
}
