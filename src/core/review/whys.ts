/** The five whys: prompting for the next answer and noticing a chain that stops at a person. */
import type { Lint } from '../types';
import { isLikelyName } from '../comms/blame';
import { MAX_WHYS } from './model';

/** Answered whys, with trailing blank entries (an answer being typed) dropped. */
function answered(whys: readonly string[]): string[] {
  const out = whys.map((w) => w.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * The question for the next why: "Why did this incident happen?" first, then
 * `Why did "<last answer>" happen?` (quoting keeps any answer grammatical), and null after five.
 */
export function nextWhyPrompt(whys: readonly string[]): string | null {
  const done = answered(whys);
  if (done.length >= MAX_WHYS) return null;
  const last = done[done.length - 1];
  if (last === undefined) return 'Why did this incident happen?';
  return `Why did "${last.replace(/[.!?]+$/, '')}" happen?`;
}

/** A person or role that can be the subject of an action: "an engineer", "the on-call engineer", "she". */
const PERSON = String.raw`(?:someone|somebody|he|she|they|(?:(?:an?|the|one|our|their|another)\s+(?:[a-z]+\s+)?)?(?:engineer|developer|operator|admin|administrator|intern|contractor|employee|person|teammate|on-?call(?:\s+engineer)?|sre|dba)s?)`;

/**
 * A failing action done by the subject, optionally after an adverb or auxiliary ("accidentally
 * deleted", "had pushed"). "Did not" / "failed to" are left out before get, receive, have and hear:
 * "the on-call engineer did not get paged" is something the system failed to do.
 */
const FAILING_ACTION = String.raw`(?:(?:accidentally|mistakenly|inadvertently|wrongly|incorrectly|manually|then|also|had|has|have)\s+)*(?:ran|forgot|deployed|pushed|typed|deleted|changed|clicked|merged|applied|made|missed|skipped|ignored|misconfigured|executed|approved|entered|broke|caused|overlooked|neglected|removed|mistyped|misread|(?:did\s+not|didn't|failed\s+to)(?!\s+(?:get|receive|have|hear)\b))`;

/**
 * An answer that ends the analysis at a person: a named error ("human error", "a mistake by …"),
 * or a person as the SUBJECT of a failing action. The span is the subject only; a person who is
 * the object ("the runbook directed the on-call engineer incorrectly") is not matched.
 */
const PERSON_ACTION = new RegExp(
  String.raw`\b(?:(?:human|operator|user|manual)\s+errors?|mistakes?\s+(?:by|of|made\s+by))\b|\b${PERSON}(?=\s+${FAILING_ACTION}\b)`,
  'i',
);

/** "Mehmet ran …", "Ana forgot …": a capitalised name followed by an action verb. */
const NAME_ACTION =
  /\b([A-Z][a-z]+)\s+(?:ran|forgot|deployed|pushed|typed|deleted|changed|clicked|merged|applied|made|missed|skipped|ignored|misconfigured|executed|approved|entered|broke)\b/g;

/** Where in `text` the chain lands on a person, if it does. */
function personSpan(text: string): { start: number; end: number } | null {
  const p = PERSON_ACTION.exec(text);
  if (p) return { start: p.index, end: p.index + p[0].length };
  for (const n of text.matchAll(NAME_ACTION)) {
    if (isLikelyName(n[1] ?? '')) return { start: n.index, end: n.index + n[0].length };
  }
  return null;
}

/**
 * Flags a chain whose LAST answer is a person's action: docs/policy.md notes that what looks like
 * a human error is almost always a systemic failure, so the chain should go on. Earlier answers may
 * mention people; only stopping there is the problem. Spans refer to `whys[last]` as stored.
 */
export function whyChainFlags(whys: readonly string[]): Lint[] {
  const done = answered(whys);
  const last = done[done.length - 1];
  if (last === undefined) return [];
  const span = personSpan(last);
  if (!span) return [];
  // Offsets are into the answer as stored, which may carry leading spaces the check trimmed.
  const raw = whys[done.length - 1] ?? '';
  const lead = raw.length - raw.trimStart().length;
  return [
    {
      code: 'why_stops_at_person',
      level: 'warning',
      message: "The chain stops at a person's action. What in the system allowed this?",
      messageId: 'why_stops_at_person',
      suggestion:
        'Ask one more why about the conditions: a missing review step, an alert that did not fire, a runbook that misdirected.',
      start: span.start + lead,
      end: span.end + lead,
    },
  ];
}
