/** Composing a status-page update from its three required elements. */
import type { Lint } from '../types';
import { formatClock } from '../time';
import { lintMessage } from './lint';
import { renderTemplate, type TemplateProblem } from './render';
import { DEFAULT_TEMPLATES } from './templates';

/** The three elements every update must carry (docs/policy.md). */
export interface UpdateInput {
  impacted: string;
  learned: string;
  nextUpdateAt: number | null;
}

/** Where and when the update is composed. `template` overrides `DEFAULT_TEMPLATES.update`. */
export interface ComposeContext {
  now: number;
  locale: string;
  timeZone?: string;
  cadenceMinutes: number;
  template?: string;
}

/** Element names, in the order docs/policy.md lists them. */
export type UpdateElement = 'impacted' | 'learned' | 'nextUpdateAt';

/** Result of `composeUpdate`. `problems` is set only when a custom template is broken. */
export type ComposeResult =
  | { ok: true; text: string; lints: Lint[] }
  | { ok: false; missing: UpdateElement[]; message: string; problems?: TemplateProblem[] };

const ELEMENT_WORDS: Record<UpdateElement, string> = {
  impacted: 'what is still impacted',
  learned: 'what the team has learned',
  nextUpdateAt: 'the next update time',
};

const FIVE_MINUTES = 5 * 60_000;

/**
 * Proposes the next update time: `now + cadence`, rounded DOWN to a 5-minute mark so the promise
 * reads well ("by 14:30") yet never exceeds the cadence (rounding up would trip
 * `next_update_too_late`). When rounding would land at or before `now` (cadence under 5 minutes),
 * the exact `now + cadence` is returned. 5-minute marks in UTC are marks in every real time zone.
 */
export function proposeNextUpdate(now: number, cadenceMinutes: number): number {
  const exact = now + cadenceMinutes * 60_000;
  const rounded = Math.floor(exact / FIVE_MINUTES) * FIVE_MINUTES;
  return rounded > now ? rounded : exact;
}

/**
 * Builds an update from its three elements and lints the result. Refuses (ok: false) when any
 * element is missing — blank or whitespace-only text, or a null / non-finite time — because the
 * domain requires all three in every update; the message names each missing element.
 */
export function composeUpdate(input: UpdateInput, ctx: ComposeContext): ComposeResult {
  const missingEls: UpdateElement[] = [];
  if (input.impacted.trim() === '') missingEls.push('impacted');
  if (input.learned.trim() === '') missingEls.push('learned');
  const next = input.nextUpdateAt;
  if (next === null || !Number.isFinite(next)) missingEls.push('nextUpdateAt');
  if (missingEls.length > 0 || next === null) {
    return {
      ok: false,
      missing: missingEls,
      message: `An update needs all three elements; missing: ${missingEls.map((e) => ELEMENT_WORDS[e]).join(', ')}.`,
    };
  }
  const rendered = renderTemplate('update', ctx.template ?? DEFAULT_TEMPLATES.update, {
    impacted: input.impacted.trim(),
    learned: input.learned.trim(),
    nextUpdateTime: formatClock(next, ctx.locale, {
      timeZone: ctx.timeZone,
      zoneName: true,
      now: ctx.now,
    }),
  });
  if (!rendered.ok) {
    return {
      ok: false,
      missing: [],
      message: `The update template cannot be used: ${rendered.problems.map((p) => p.message).join('; ')}`,
      problems: rendered.problems,
    };
  }
  const lints = lintMessage(rendered.text, {
    kind: 'update',
    now: ctx.now,
    cadenceMinutes: ctx.cadenceMinutes,
    nextUpdateAt: next,
  });
  return { ok: true, text: rendered.text, lints };
}
