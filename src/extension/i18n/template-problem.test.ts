import { afterAll, describe, expect, it } from 'vitest';
import { useCatalogue } from '../background/i18n.test-kit';
import { validateTemplate, type TemplateCode } from '../../core/comms/render';
import { REQUIRED_PLACEHOLDERS } from '../../core/comms/templates';
import { templateProblemText } from './template-problem';

afterAll(() => useCatalogue('en'));

/** Every rule validateTemplate and renderTemplate name, with figures as they give them. */
const ARGS: Record<TemplateCode, (string | number)[]> = {
  unknown_placeholder: ['featur', 'feature, statusPageUrl'],
  unbalanced_braces: ['{{', 6],
  invalid_placeholder: ['fea ture'],
  missing_value: ['impact'],
  missing_placeholder: ['impact'],
  single_braces: ['{feature}', 'feature'],
  too_long: [10_000],
};

const problem = (code: TemplateCode, args: (string | number)[]) =>
  ({ level: 'error', code, args, message: 'the core English', start: 0, end: 0 }) as const;

describe.each(['en', 'de'] as const)('a template problem in %s', (lang) => {
  it('is a whole sentence for every rule: worded, each blank filled, never the core English', () => {
    useCatalogue(lang);
    for (const [code, args] of Object.entries(ARGS) as [TemplateCode, (string | number)[]][]) {
      const text = templateProblemText(problem(code, args));
      expect(text, code).toMatch(/[.?]$/);
      expect(text, code).not.toMatch(/\$\d|tplp_|the core English|"banner"/);
    }
    const closing = templateProblemText(problem('unbalanced_braces', ['}}', 13]));
    expect(closing).not.toBe(templateProblemText(problem('unbalanced_braces', ['{{', 13])));
  });

  it('names what every required placeholder carries, in the language', () => {
    useCatalogue(lang);
    for (const name of Object.values(REQUIRED_PLACEHOLDERS).flatMap((r) => Object.keys(r ?? {}))) {
      const text = templateProblemText(problem('missing_placeholder', [name]));
      expect(text, name).toContain(`{{${name}}}`);
      expect(text, name).not.toMatch(/tplp_|\$\d/);
    }
  });

  it("words validateTemplate's own problems, counting characters from 1", () => {
    useCatalogue(lang);
    const texts = validateTemplate('banner', 'Issue with {{featur}} {{feature').map((p) =>
      templateProblemText(p),
    );
    expect(texts).toEqual(
      lang === 'en'
        ? [
            '{{featur}} is not a placeholder of this template. It can use: {{feature}}, {{statusPageUrl}}.',
            'The “{{” at character 23 is never closed with “}}”.',
          ]
        : [
            '{{featur}} ist kein Platzhalter dieser Vorlage. Möglich sind: {{feature}}, {{statusPageUrl}}.',
            'Das „{{“ an Zeichen 23 wird nie mit „}}“ geschlossen.',
          ],
    );
    const long = validateTemplate('banner', 'x'.repeat(10_001)).map((p) => templateProblemText(p));
    expect(long).toEqual([
      lang === 'en'
        ? 'The template is too long: at most 10,000 characters.'
        : 'Die Vorlage ist zu lang: höchstens 10.000 Zeichen.',
    ]);
  });
});
