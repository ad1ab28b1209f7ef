/**
 * Words for the parser's problem codes. Kept out of the parser so that the web widgets, which
 * only log problems for developers, do not ship these strings.
 */
import type { FeedProblem, ParseProblem, ProblemCode } from '../types';
import { clip } from './read';
import { describeCap } from './usable';

/** A value named briefly: a string quoted and clipped, else its JSON type. */
function brief(v: unknown): string {
  return typeof v == 'string'
    ? JSON.stringify(clip(v, 60))
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'list'
        : typeof v;
}

/** What the text of a payload that is not JSON looks like, without echoing it. */
function looks(text: unknown): string {
  const s = typeof text == 'string' ? text : '';
  return !s.trim()
    ? 'empty'
    : /^\s*</.test(s)
      ? 'looks like HTML, e.g. an error page'
      : 'truncated or malformed';
}

const TEXT: Record<ProblemCode, (got: unknown, p: ParseProblem) => string> = {
  value: (v) => `unknown value ${brief(v)}`,
  date: (v) => `invalid date ${brief(v)}`,
  link: (v) => `link dropped (https only): ${brief(v)}`,
  list: (v) => `not a list: ${brief(v)}`,
  string: (v) => `not a string: ${brief(v)}`,
  object: (v) => `not an object: ${brief(v)}`,
  cut: (n) => `over ${String(n)} characters; cut`,
  items: (_, p) => describeCap(p),
  dropped: () => 'no id or name; dropped',
  id: () => 'no id; one was derived',
  dup: (v) => `duplicate id ${brief(v)}; dropped`,
  name: () => 'no name',
  time: () => 'no usable date',
  unreadable: () => 'unreadable value skipped',
  json: (v) => `not valid JSON (${looks(v)})`,
  payload: (v) =>
    v === undefined ? 'not a Statuspage payload' : `not a Statuspage payload: ${brief(v)}`,
  more: (n) => `${String(n)} more problems not listed`,
  window: (v) => `ends before it starts: ${brief(v)}; read as no end`,
};

/** A parser problem in words, e.g. `{ path: "incidents[0].created_at", message: "invalid date \"May 5\"" }`. */
export function describeProblem(p: ParseProblem): FeedProblem {
  return { path: p.path, message: TEXT[p.code](p.got, p) };
}
