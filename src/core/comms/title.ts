/**
 * The public title: the incident's name on the status page. It is kept apart from the internal
 * title (which may name hosts, tickets and severities) and linted before it goes out.
 */
import type { Lint } from '../types';
import { findBlame } from './blame';
import { findPromises } from './lint';

/** A status-page headline longer than this stops reading as a headline. */
export const PUBLIC_TITLE_MAX = 80;

/** Internal detail that means nothing to customers, or should not reach them. */
const INTERNAL: readonly RegExp[] = [
  // severity and priority labels: SEV-1, Sev 2, P1
  /\bsev[- ]?[0-4]\b|\bP[0-4]\b/gi,
  // tickets and pull requests: INC-4821, PR #5521, #5521
  /\b(?:PR|MR|pull request)\s*#\d+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b/g,
  // host names with an internal or machine-style part: db-prod-03.internal, api-7.local
  /\b[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9-]+)*\.(?:internal|local|corp|lan|intra)\b|\b[a-z]+(?:-[a-z]+)*-\d{1,3}\b/gi,
  // IPv4 addresses and e-mail addresses
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g,
];

/** Options: the internal title, to notice when it is being reused as the public one. */
export interface PublicTitleContext {
  internalTitle?: string;
}

/**
 * Lints a public title: blank is an error (nothing may be published without one); internal
 * detail, a headline too long, reusing the internal title, blaming language and promised fix
 * times are warnings the publisher must confirm. Each quoting lint quotes the whole phrase.
 */
export function lintPublicTitle(title: string, ctx: PublicTitleContext = {}): Lint[] {
  const text = title.trim();
  if (text === '') {
    return [
      {
        code: 'missing_element',
        level: 'error',
        message: 'Give the incident a public title for the status page.',
        messageId: 'public_title_missing',
      },
    ];
  }
  const out: Lint[] = [];
  if (ctx.internalTitle !== undefined && ctx.internalTitle.trim() === text) {
    out.push({
      code: 'internal_detail',
      level: 'warning',
      message: 'The public title is the internal title; write one for customers.',
      messageId: 'public_title_is_internal',
    });
  }
  if (text.length > PUBLIC_TITLE_MAX) {
    out.push({
      code: 'title_too_long',
      level: 'warning',
      message: `Keep the public title to ${PUBLIC_TITLE_MAX} characters so it reads as a headline.`,
      messageId: 'public_title_too_long',
      params: [PUBLIC_TITLE_MAX],
    });
  }
  const spans: Lint[] = [];
  for (const re of INTERNAL) {
    for (const m of title.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((l) => start < (l.end ?? 0) && end > (l.start ?? 0))) continue;
      spans.push({
        code: 'internal_detail',
        level: 'warning',
        message: `"${m[0]}" is internal detail customers should not see`,
        messageId: 'public_title_internal',
        params: [m[0]],
        suggestion: 'Name what customers notice, e.g. "Card payments failing at checkout".',
        start,
        end,
      });
    }
  }
  out.push(...spans, ...findPromises(title), ...findBlame(title));
  return out.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
}
