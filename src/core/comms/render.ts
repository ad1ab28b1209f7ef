/**
 * Placeholder syntax: `{{name}}` (spaces inside the braces allowed). Only doubled braces are syntax;
 * a single `{` is ordinary text, except that `{feature}` naming a known placeholder is reported as
 * a probable typo (warning), because it would otherwise ship literally.
 */
import {
  OPTIONAL_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  TEMPLATE_PLACEHOLDERS,
  type TemplateId,
} from './templates';

/** The rule a template problem breaks; the UI words each (src/extension/i18n/template-problem.ts). */
export type TemplateCode =
  | 'unknown_placeholder'
  | 'unbalanced_braces'
  | 'invalid_placeholder'
  | 'missing_value'
  | 'missing_placeholder'
  | 'single_braces'
  | 'too_long';

/** The longest template the product keeps (a status page post is far shorter). */
export const TEMPLATE_MAX_CHARS = 10_000;

/** A problem found in a template. Errors block rendering; warnings do not. */
export interface TemplateProblem {
  level: 'error' | 'warning';
  code: TemplateCode;
  /** English, for logs, imports and tests; the UI words `code` and `args` in the user's language. */
  message: string;
  /**
   * The figures the sentence needs, by code: unknown_placeholder [name, allowed names joined by
   * ", "]; unbalanced_braces ["{{" never closed or "}}" never opened, offset]; invalid_placeholder,
   * missing_value, missing_placeholder [name]; single_braces [the text as written, name];
   * too_long [the most characters].
   */
  args: (string | number)[];
  /** Offsets into the template text (end exclusive); a missing placeholder points at the end. */
  start: number;
  end: number;
  placeholder?: string;
}

/** Values for placeholders. `null`, `undefined` and blank strings all count as missing. */
export type TemplateVars = Readonly<Record<string, string | number | null | undefined>>;

interface Token {
  name: string;
  start: number;
  end: number;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Scans `{{…}}` tokens; syntax problems go to `problems`, well-formed names to the result. */
function scan(id: TemplateId, text: string, problems: TemplateProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      problems.push({
        level: 'error',
        code: 'unbalanced_braces',
        message: `Unbalanced braces in "${id}": "}}" at position ${close} has no matching "{{"`,
        args: ['}}', close],
        start: close,
        end: close + 2,
      });
      i = close + 2;
      continue;
    }
    if (open === -1) break;
    const end = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      problems.push({
        level: 'error',
        code: 'unbalanced_braces',
        message: `Unbalanced braces in "${id}": "{{" at position ${open} is never closed`,
        args: ['{{', open],
        start: open,
        end: open + 2,
      });
      i = open + 2;
      continue;
    }
    const name = text.slice(open + 2, end).trim();
    if (!NAME.test(name)) {
      problems.push({
        level: 'error',
        code: 'invalid_placeholder',
        message: `Invalid placeholder {{${name}}} in "${id}": names are letters, digits and _`,
        args: [name],
        start: open,
        end: end + 2,
      });
    } else {
      tokens.push({ name, start: open, end: end + 2 });
    }
    i = end + 2;
  }
  return tokens;
}

/**
 * Checks a template: unknown or malformed placeholders, unbalanced braces, a missing required
 * placeholder (`REQUIRED_PLACEHOLDERS`) and a text over `TEMPLATE_MAX_CHARS` are errors.
 */
export function validateTemplate(id: TemplateId, text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const allowed = TEMPLATE_PLACEHOLDERS[id];
  if (text.length > TEMPLATE_MAX_CHARS)
    problems.push({
      level: 'error',
      code: 'too_long',
      message: `The "${id}" template is too long (at most ${TEMPLATE_MAX_CHARS} characters)`,
      args: [TEMPLATE_MAX_CHARS],
      start: TEMPLATE_MAX_CHARS,
      end: text.length,
    });
  const tokens = scan(id, text, problems);
  for (const [name, element] of Object.entries(REQUIRED_PLACEHOLDERS[id] ?? {})) {
    if (tokens.some((t) => t.name === name)) continue;
    problems.push({
      level: 'error',
      code: 'missing_placeholder',
      message: `The "${id}" template must contain {{${name}}}: every ${id} carries ${element}`,
      args: [name],
      start: text.length,
      end: text.length,
      placeholder: name,
    });
  }
  for (const t of tokens) {
    if (!allowed.includes(t.name)) {
      problems.push({
        level: 'error',
        code: 'unknown_placeholder',
        message: `Unknown placeholder {{${t.name}}} in "${id}"; allowed: ${allowed.join(', ')}`,
        args: [t.name, allowed.join(', ')],
        start: t.start,
        end: t.end,
        placeholder: t.name,
      });
    }
  }
  for (const m of text.matchAll(/(?<!\{)\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}(?!\})/g)) {
    const name = m[1] ?? '';
    if (!allowed.includes(name)) continue;
    problems.push({
      level: 'warning',
      code: 'single_braces',
      message: `"${m[0]}" in "${id}" will be shown as is; did you mean {{${name}}}?`,
      args: [m[0], name],
      start: m.index,
      end: m.index + m[0].length,
      placeholder: name,
    });
  }
  return problems.sort((a, b) => a.start - b.start);
}

/**
 * Fills a template. Any error — unknown placeholder, bad syntax, or a placeholder without a
 * non-blank value — fails the whole render, so a message never goes out with a hole in it.
 * Values are inserted in one pass, so a value containing `{{x}}` is not expanded again.
 */
export function renderTemplate(
  id: TemplateId,
  text: string,
  vars: TemplateVars,
): { ok: true; text: string } | { ok: false; problems: TemplateProblem[] } {
  const problems = validateTemplate(id, text).filter((p) => p.level === 'error');
  const tokens = scan(id, text, []);
  const optional = OPTIONAL_PLACEHOLDERS[id] ?? [];
  const blank = (v: unknown): boolean => v === null || v === undefined || String(v).trim() === '';
  let skipped = false;
  for (const t of tokens) {
    const v = vars[t.name];
    if (blank(v) && optional.includes(t.name)) {
      skipped = true;
      continue;
    }
    if (blank(v)) {
      if (problems.some((p) => p.placeholder === t.name)) continue;
      problems.push({
        level: 'error',
        code: 'missing_value',
        message: `Missing value for {{${t.name}}} in "${id}"`,
        args: [t.name],
        start: t.start,
        end: t.end,
        placeholder: t.name,
      });
    }
  }
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => a.start - b.start) };
  let out = '';
  let last = 0;
  for (const t of tokens) {
    const v = vars[t.name];
    out += text.slice(last, t.start) + (blank(v) ? '' : String(v));
    last = t.end;
  }
  out += text.slice(last);
  // A blank optional sentence leaves a gap: close it so the message reads as written.
  if (skipped) out = out.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+$/gm, '');
  return { ok: true, text: out };
}
