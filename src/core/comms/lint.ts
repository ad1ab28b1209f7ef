/**
 * Lints for customer-facing messages. Drafts are edited by hand, so the checks read the free text
 * with heuristics rather than trusting the structured fields alone.
 */
import type { LintMessageId } from '../lint-ids';
import type { Lint } from '../types';
import { findBlame } from './blame';
import type { TemplateId } from './templates';

/** Context for `lintMessage`. `nextUpdateAt` is the promised next update, when known. */
export interface MessageLintContext {
  kind: TemplateId;
  now: number;
  cadenceMinutes: number;
  nextUpdateAt?: number | null;
  /**
   * For a resolution: whether the policy requires a post-mortem at this severity. The message must
   * then promise it, and must not promise one that is not required. Unknown (undefined): not checked.
   */
  postmortemRequired?: boolean;
}

/** A clock time ("14:30", "2:30 PM", "3pm"): what makes a next update time concrete. */
const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d{2})\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)/i;
const POSTMORTEM = /\bpost[- ]?mortem\b|\bpost-incident\s+review\b/i;

const NEXT_UPDATE =
  /\b(?:next\s+update|update\s+(?:again|you|this|every)|(?:post|provide|share|send|give)\s+(?:an(?:other)?|the\s+next|a\s+further|more)\s+updates?|updates?\s+(?:by|at|in|within)\s+\d)/i;
const IMPACT =
  /\b(?:impact(?:ed|ing|s)?|affect(?:ed|ing|s)?|unavailable|degraded|outage|down|errors?|fail(?:ing|ures?|s)?|slow(?:er|ness)?|delay(?:ed|s)?|latency|unable|cannot|can't|disrupt(?:ed|ion)?|timeouts?|timing\s+out|intermittent|restored|recovered|working\s+normally|no\s+longer)\b/i;
const LEARNED =
  /\b(?:identified|found|caus(?:e|ed)|traced|determined|learn(?:ed|t)|discovered|confirmed|isolated|narrowed|believe|appears?|related\s+to|due\s+to|rolled\s+back|roll(?:ing)?\s+back|deploy(?:ed|ing)\s+a\s+fix|fix\s+(?:has\s+been|was|is\s+being)|mitigat(?:e|ed|ion|ing)|observ(?:e|ed|ing)|seeing|suspect(?:ed)?|because)\b/i;

/**
 * A time or span, matched to its end so the lint quotes the whole promise ("by 4:30 PM UTC", "in 5
 * minutes", "within a few minutes"), never a cut-off piece of it ("by 4").
 */
const NUMBER_WORD = '(?:one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-?five|sixty)';
const UNIT = '(?:minutes?|mins?|hours?|hrs?|days?)';
const WHEN =
  '(?:\\d{1,4}(?:[:.]\\d{2})?(?:\\s*(?:a\\.m\\.|p\\.m\\.|am|pm)\\b)?(?:\\s+(?:UTC|GMT|CES?T|BST|[ECMP][SD]T|AES?T|AEDT|IST|JST)\\b)?(?:\\s*' +
  UNIT +
  '\\b)?' +
  `|an?\\s+(?:hour|day)\\b|an?\\s+(?:few|couple(?:\\s+of)?)(?:\\s+more)?(?:\\s+${UNIT}\\b)?` +
  `|half\\s+an\\s+hour|${UNIT}\\b|${NUMBER_WORD}\\s+${UNIT}\\b` +
  '|noon|midnight|tonight|tomorrow(?:\\s+(?:morning|afternoon|evening))?|today|eod|end\\s+of\\s+(?:the\\s+)?day)';
const TIME_AFTER = `(?:by|within|in|before|until|no\\s+later\\s+than)\\s+(?:about\\s+|around\\s+|approximately\\s+|roughly\\s+|the\\s+next\\s+|the\\s+end\\s+of\\s+)?${WHEN}`;
const FIX_WORD =
  '(?:fix(?:ed)?|resol(?:ved?|ution)|restored?|back\\s+(?:up|online|to\\s+normal)|working\\s+(?:again|normally)|fully\\s+operational|complete(?:d)?|finished|done)';
/** Soon without a time is still a promise when a fix is said to come ("should be back up shortly"). */
const SOON = '(?:shortly|soon|momentarily|any\\s+minute(?:\\s+now)?|in\\s+no\\s+time)';

/** Longest first: where two overlap, the first pattern's (longer) phrase is the one quoted. */
const PROMISES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:will|should|shall|is\\s+going\\s+to|are\\s+going\\s+to)\\s+be\\s+${FIX_WORD}\\s+(?:${TIME_AFTER}|at\\s+${WHEN}|${SOON})`,
    'gi',
  ),
  new RegExp(`\\b${FIX_WORD}\\s+(?:[^.\\n]{0,20}?\\s)?${TIME_AFTER}`, 'gi'),
  /\bETA\b|\beta\s*:/g,
  /\bestimated\s+(?:time\s+(?:to|of)\s+)?(?:resolution|fix|recovery)\b/gi,
  /\bexpected\s+(?:resolution|fix|recovery)\s+time\b/gi,
  /\bwe\s+(?:can\s+)?guarantee\b|\bguaranteed\b/gi,
];

const PROMISE_SUGGESTION =
  'Promise the next update time instead of a fix time, e.g. "We will post the next update by 3:30 PM."';

/**
 * Finds promises of a resolution time ("fixed by 3pm", "ETA", "resolved within 2 hours", "should be
 * back up shortly", "we guarantee"). Each lint quotes its whole phrase.
 */
export function findPromises(text: string): Lint[] {
  const out: Lint[] = [];
  for (const re of PROMISES) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((l) => start < (l.end ?? 0) && end > (l.start ?? 0))) continue;
      out.push({
        code: 'promised_resolution_time',
        level: 'warning',
        message: `"${m[0]}" promises a resolution time the team may not meet`,
        messageId: 'promised_resolution_time',
        params: [m[0]],
        suggestion: PROMISE_SUGGESTION,
        start,
        end,
      });
    }
  }
  return out;
}

/** "next update in 60 minutes" / "update again in 2 hours" → minutes, for the cadence check. */
function statedNextUpdateMinutes(
  text: string,
): { minutes: number; start: number; end: number } | null {
  const m =
    /\b(?:next\s+update|update\s+(?:again|you))\b[^.\n]{0,30}?\bin\s+(\d+)\s*(minutes?|mins?|hours?|hrs?)\b/i.exec(
      text,
    );
  if (!m) return null;
  const n = Number(m[1]);
  const minutes = /^h/i.test(m[2] ?? '') ? n * 60 : n;
  return { minutes, start: m.index, end: m.index + m[0].length };
}

function missing(messageId: LintMessageId, message: string): Lint {
  return { code: 'missing_element', level: 'error', message, messageId };
}

/**
 * Lints a message of any kind: missing required elements (per kind), a next update later than the
 * cadence allows (exactly the cadence is fine) or already past, promised resolution times, and
 * blaming language. Sorted by position; lints without a span (whole-message) come first.
 */
export function lintMessage(text: string, ctx: MessageLintContext): Lint[] {
  const lints: Lint[] = [];
  const cadenceMs = ctx.cadenceMinutes * 60_000;
  if (ctx.kind === 'update') {
    if (!IMPACT.test(text)) {
      lints.push(
        missing(
          'update_missing_impact',
          'Say what is still impacted (or that nothing is impacted any more).',
        ),
      );
    }
    if (!LEARNED.test(text))
      lints.push(
        missing('update_missing_learned', 'Say what the team has learned since the last update.'),
      );
    if (!NEXT_UPDATE.test(text))
      lints.push(missing('update_missing_next_update', 'Give the time of the next update.'));
  }
  if (ctx.kind === 'initial' && !NEXT_UPDATE.test(text)) {
    lints.push(
      missing(
        'initial_missing_next_update',
        'Say when the next update will come (e.g. "We will update every 30 minutes.").',
      ),
    );
  }
  if (ctx.kind === 'initial' && NEXT_UPDATE.test(text) && !CLOCK_TIME.test(text)) {
    lints.push(
      missing(
        'initial_missing_next_update_time',
        'Give the time of the next update (e.g. "the next update will be posted by 14:30 UTC").',
      ),
    );
  }
  if (ctx.kind === 'resolution' && !/\b(?:resolved|restored)\b/i.test(text)) {
    lints.push(
      missing('resolution_missing_resolved', 'Say that the incident is resolved and since when.'),
    );
  }
  if (ctx.kind === 'resolution' && ctx.postmortemRequired !== undefined) {
    const promises = POSTMORTEM.test(text);
    if (ctx.postmortemRequired && !promises)
      lints.push({
        code: 'missing_element',
        level: 'warning',
        message:
          'The policy requires a post-mortem at this severity; say when it will be published.',
        messageId: 'resolution_missing_postmortem',
      });
    if (!ctx.postmortemRequired && promises)
      lints.push({
        code: 'missing_element',
        level: 'warning',
        message: 'This promises a post-mortem the policy does not require at this severity.',
        messageId: 'resolution_postmortem_not_required',
      });
  }
  const next = ctx.nextUpdateAt;
  if (typeof next === 'number' && Number.isFinite(next)) {
    if (next < ctx.now) {
      lints.push({
        code: 'next_update_in_past',
        level: 'error',
        message: 'The next update time is already in the past.',
        messageId: 'next_update_in_past',
      });
    } else if (next - ctx.now > cadenceMs) {
      const away = Math.ceil((next - ctx.now) / 60_000);
      lints.push({
        code: 'next_update_too_late',
        level: 'error',
        message: `The next update is ${away} minutes away; the cadence is every ${ctx.cadenceMinutes} minutes.`,
        messageId: 'next_update_too_late',
        params: [away, ctx.cadenceMinutes],
      });
    }
  }
  const stated = statedNextUpdateMinutes(text);
  if (stated && stated.minutes > ctx.cadenceMinutes) {
    lints.push({
      code: 'next_update_too_late',
      level: 'error',
      message: `The text promises the next update in ${stated.minutes} minutes; the cadence is every ${ctx.cadenceMinutes} minutes.`,
      messageId: 'stated_next_update_too_late',
      params: [stated.minutes, ctx.cadenceMinutes],
      start: stated.start,
      end: stated.end,
    });
  }
  lints.push(...findPromises(text), ...findBlame(text));
  return lints.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
}

/** What lints mean for sending a message: errors block it, warnings need a confirmation. */
export interface LintVerdict {
  verdict: 'ok' | 'confirm' | 'block';
  errors: Lint[];
  warnings: Lint[];
}

/**
 * Sorts lints into what blocks publishing (errors) and what the sender must confirm (warnings).
 * Views use it so that a message flagged with an error can never go out, and one with warnings only
 * goes out after the sender has seen them and said so.
 */
export function lintVerdict(lints: readonly Lint[]): LintVerdict {
  const errors = lints.filter((l) => l.level === 'error');
  const warnings = lints.filter((l) => l.level !== 'error');
  const verdict = errors.length > 0 ? 'block' : warnings.length > 0 ? 'confirm' : 'ok';
  return { verdict, errors, warnings };
}
