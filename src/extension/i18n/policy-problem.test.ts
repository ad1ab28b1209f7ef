import { afterAll, describe, expect, it } from 'vitest';
import { useCatalogue } from '../background/i18n.test-kit';
import { DEFAULT_POLICY, validatePolicy } from '../../core/policy';
import { setDeadline } from '../../core/policy-edit';
import type { PolicyCode } from '../../core/types';
import { policyProblemText } from './policy-problem';

afterAll(() => useCatalogue('en'));

/** Every rule validatePolicy names, with figures as it gives them (the type makes the list whole). */
const ARGS: Record<PolicyCode, (string | number)[]> = {
  object: [],
  text: [],
  positive: [],
  notNegative: [],
  percent: [],
  version: [],
  oneOf: ['email, status_page', '"fax"'],
  list: [],
  eventType: ['"coffee"'],
  boolean: [],
  standingRepeat: [],
  resolvedRepeat: [],
  cadence: [30, 45],
  postmortemMinutes: [2880, 60],
  labelNumber: ['updateCadenceMinutes', 30, '20'],
  anchorResolved: [],
  duplicateId: [0, 'bridge'],
  severity: [],
  duplicateSeverity: [0, 2],
  missingLevel: [4],
};

describe.each(['en', 'de'] as const)('a policy problem in %s', (lang) => {
  it('is a whole sentence for every rule: worded, each blank filled, no path', () => {
    useCatalogue(lang);
    for (const [code, args] of Object.entries(ARGS)) {
      const text = policyProblemText(
        { path: 'levels[0].obligations[2].repeatEveryMinutes', message: '', code, args } as never,
        DEFAULT_POLICY,
      );
      expect(text, code).toMatch(/^[„“].+[.]$/);
      expect(text, code).not.toMatch(/\$\d|policy_|levels\[|repeatEveryMinutes|updateCadence/);
    }
  });

  it("words validatePolicy's own problem of a stored policy (a version of 0)", () => {
    useCatalogue(lang);
    const broken = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Record<string, unknown>;
    broken.version = 0;
    const texts = validatePolicy(broken).problems.map((p) => policyProblemText(p, broken));
    expect(texts).toEqual([
      lang === 'en'
        ? '“Version” must be a whole number of 1 or more.'
        : '„Version“ muss eine ganze Zahl ab 1 sein.',
    ]);
  });

  it('names a level and a rule of a broken policy by what they still say', () => {
    useCatalogue(lang);
    const broken = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as {
      levels: { obligations: unknown[] }[];
    };
    broken.levels[1]!.obligations[0] = 'call everyone';
    expect(validatePolicy(broken).problems.map((p) => policyProblemText(p, broken))).toEqual([
      lang === 'en'
        ? '“SEV-2 (Major): obligation 1” must be a group of settings (an object).'
        : '„SEV-2 (Major): Pflicht 1“ muss eine Gruppe von Einstellungen sein (ein Objekt).',
    ]);
  });

  it("names a rule's deadline with its level, except at its own field inside the level's fieldset", () => {
    useCatalogue(lang);
    const problem = validatePolicy(setDeadline(DEFAULT_POLICY, 2, 'status_page', -1)).problems[0]!;
    const field =
      lang === 'en'
        ? 'Public status page updated: minutes after classification'
        : 'Public status page updated: Minuten nach der Einstufung';
    const rest = lang === 'en' ? 'must be 0 or more.' : 'muss 0 oder größer sein.';
    const [open, close] = lang === 'en' ? ['“', '”'] : ['„', '“'];
    expect(policyProblemText(problem, DEFAULT_POLICY, true)).toBe(
      `${open}${field}${close} ${rest}`,
    );
    expect(policyProblemText(problem, DEFAULT_POLICY)).toBe(
      `${open}SEV-2 (Major), ${field}${close} ${rest}`,
    );
  });
});
