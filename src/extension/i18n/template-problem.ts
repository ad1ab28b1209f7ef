import type { TemplateCode, TemplateProblem } from '../../core/comms/render';
import { REQUIRED_PLACEHOLDERS } from '../../core/comms/templates';
import { t, tOr, uiLocale } from './translate';

/**
 * A template's problems in the user's words ("{{featur}} is not a placeholder of this template.
 * It can use: {{feature}}, {{statusPageUrl}}."), never the core's English with the template's id
 * ('Unknown placeholder {{featur}} in "banner"; …', which logs and imports keep). The one wording
 * of validateTemplate's refusals: Options → Templates and a template the organisation set (the
 * managed notice). Each sentence stands alone, as the field it is about is named around it.
 */

/** Each code's sentence; `$1`… as `TemplateProblem.args` gives them (unbalanced braces: two). */
const SENTENCE: Record<Exclude<TemplateCode, 'unbalanced_braces'>, string> = {
  unknown_placeholder: 'tplp_unknown_placeholder',
  invalid_placeholder: 'tplp_invalid_placeholder',
  missing_value: 'tplp_missing_value',
  missing_placeholder: 'tplp_missing_placeholder',
  single_braces: 'tplp_single_braces',
  too_long: 'tplp_too_long',
};

/** English of what a required placeholder carries, by name (the core says it per template). */
const carries = (name: string): string =>
  Object.values(REQUIRED_PLACEHOLDERS).find((r) => r?.[name])?.[name] ?? name;

const number = (n: string | number): string => new Intl.NumberFormat(uiLocale()).format(Number(n));

/**
 * A save refused for `errors`: what Options → Templates shows when its own check refuses, and
 * what the worker throws when a save reaches it with a problem (a race, an outdated page).
 */
export function templateRefusal(errors: readonly TemplateProblem[]): string {
  return t('save_refused', errors.map(templateProblemText).join(' '));
}

/** One problem as a sentence in the user's language. */
export function templateProblemText(p: TemplateProblem): string {
  const [first = '', second = ''] = p.args;
  switch (p.code) {
    case 'unbalanced_braces':
      // the core counts from 0, people from 1
      return t(
        first === '}}' ? 'tplp_unopened_braces' : 'tplp_unclosed_braces',
        number(Number(second) + 1),
      );
    case 'unknown_placeholder': {
      const allowed = String(second)
        .split(', ')
        .filter(Boolean)
        .map((n) => `{{${n}}}`)
        .join(', ');
      return t(SENTENCE[p.code], first, allowed);
    }
    case 'missing_placeholder':
      return t(SENTENCE[p.code], first, tOr(carries(String(first)), `tplp_carries_${first}`));
    case 'too_long':
      return t(SENTENCE[p.code], number(first));
    case 'invalid_placeholder':
    case 'missing_value':
    case 'single_braces':
      return t(SENTENCE[p.code], first, second);
  }
}
