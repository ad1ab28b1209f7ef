/**
 * Whether a parsed response may replace the last good data. A client (the widgets' feed client,
 * the extension's poller) keeps what it had, and warns, when it may not.
 */
import type { ParseProblem, ParseResult, ProblemCode } from '../types';

/** The top-level parts of a summary; the wrong type at one means the payload is something else. */
const SUMMARY_PARTS = [
  'page',
  'status',
  'status.indicator',
  'components',
  'incidents',
  'scheduled_maintenances',
];
/** Problems that mean "the wrong type", as opposed to an unknown word or a bad item. */
const WRONG_TYPE: readonly string[] = ['object', 'list', 'string'] satisfies ProblemCode[];

/** A problem's place and kind: the parser's, or a format adapter's (whose codes are a superset). */
type Problem = Pick<ParseProblem, 'path'> & { code: string };

const wrongTypeAtTop = (p: Problem): boolean =>
  SUMMARY_PARTS.includes(p.path) && WRONG_TYPE.includes(p.code);

/**
 * True when a parse is a status feed worth keeping: a known payload, with none of its top-level
 * parts of the wrong type (`page` a string, `components` an object, `status.indicator` a number),
 * and not an empty feed made only of problems. An unknown indicator word is kept (read as
 * `unknown`): feeds add words.
 */
export function isUsableFeed(
  r: Pick<ParseResult, 'kind' | 'feed'> & { problems: readonly Problem[] },
): boolean {
  if (r.kind === 'unknown' || r.problems.some(wrongTypeAtTop)) return false;
  const f = r.feed;
  const empty = !f.incidents.length && !f.maintenances.length && !f.components.length;
  return !(r.problems.length > 0 && empty && f.indicator === 'unknown');
}

/**
 * A cap problem (`items`) in words: how many there were, what was kept first, and the first
 * names dropped. Shared by `describeProblem` and the widgets' console warning.
 */
export function describeCap(p: ParseProblem): string {
  const counts = p.got as { total?: number; kept?: number; dropped?: number } | undefined;
  const { total = '?', kept = '?', dropped = 0 } = typeof counts === 'object' ? counts : {};
  const SHOWN = 5;
  const names = p.dropped ?? [];
  const list = names.slice(0, SHOWN).join(', ') + (dropped > SHOWN ? ', …' : '');
  return `${total} items, over the cap of ${kept}: kept the open, most severe and most recent first; dropped ${dropped} (${list})`;
}
