import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_ASSUMPTION_CODES,
  CLASSIFICATION_REASON_CODES,
  classify,
  explainClassification,
} from '../../core/classify';
import { LINT_MESSAGE_IDS, LINT_SUGGESTION_IDS } from '../../core/lint-ids';
import { sampleLints } from '../../core/lint-samples.test-kit';
import type { ImpactAnswers } from '../../core/types';
import {
  assumptionLine,
  lintLine,
  lintMessageKey,
  lintSuggestionKey,
  lintSuggestionLine,
  reasonLine,
} from './core-text';
import { messagesSource, setMessageSource } from './translate';

const root = resolve(import.meta.dirname, '../../..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;
const en = load('en');
const de = load('de');
const use = (lang: 'en' | 'de') => setMessageSource(messagesSource(lang === 'en' ? en : de), lang);

afterEach(() => setMessageSource((key) => key));

/** Every catalogue key the core's codes can be looked up under. */
const keys = [
  ...CLASSIFICATION_REASON_CODES.map((c) => `cl_reason_${c}`),
  ...CLASSIFICATION_ASSUMPTION_CODES.map((c) => `cl_assumed_${c}`),
  ...LINT_MESSAGE_IDS.map(lintMessageKey),
  ...LINT_SUGGESTION_IDS.map(lintSuggestionKey),
];

/** Answers that give each reason and assumption at least once. */
const ANSWERS: ImpactAnswers[] = [
  { noUserCanAccessCore: true, dataIntegrityBreach: true },
  {},
  { noUserCanAccessCore: false, dataIntegrityBreach: false },
  { noUserCanAccessCore: false, dataIntegrityBreach: false, percentUsersAffected: 25 },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 25,
    brokenForAllEnterprise: false,
  },
  { noUserCanAccessCore: false, dataIntegrityBreach: false, featureCriticality: 'critical' },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 12.5,
    featureCriticality: 'critical',
    brokenForAllEnterprise: true,
  },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 25,
    featureCriticality: 'significant',
  },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 4,
    featureCriticality: 'significant',
    brokenForAllEnterprise: false,
  },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    percentUsersAffected: 4,
    featureCriticality: 'non_critical',
    workaroundKnown: true,
  },
  {
    noUserCanAccessCore: false,
    dataIntegrityBreach: false,
    featureCriticality: 'non_critical',
  },
];

/** Answered, significant feature, no workaround: only the share of users decides SEV-2 or SEV-3. */
const calmAnswers = {
  noUserCanAccessCore: false,
  dataIntegrityBreach: false,
  featureCriticality: 'significant' as const,
  brokenForAllEnterprise: false,
  workaroundKnown: false,
};

describe('wording the core in the UI language', () => {
  it('every code the core can give has an entry in English and German, with the same placeholders', () => {
    const holes = (m: string | undefined) => (m?.match(/\$\d/g) ?? []).sort().join();
    for (const k of keys) {
      expect(en[k]?.message, `en ${k}`).toBeTruthy();
      expect(de[k]?.message, `de ${k}`).toBeTruthy();
      expect(holes(de[k]?.message), k).toBe(holes(en[k]?.message));
    }
  });

  it('in English the views show exactly what the core writes', () => {
    use('en');
    for (const a of ANSWERS) {
      const words = classify(a);
      const codes = explainClassification(a);
      expect(codes.reasons.map(reasonLine)).toEqual(words.reasons);
      expect(codes.assumed.map((x) => assumptionLine(x, codes.widespreadPercent))).toEqual(
        words.assumed,
      );
    }
    // The review builder's own keys (review_lint*) predate the ids and are worded a little differently.
    const own = (l: { messageId?: string }) =>
      lintMessageKey(l.messageId as never).startsWith('lint_');
    for (const l of sampleLints().filter(own)) {
      expect(lintLine(l)).toBe(l.message);
      expect(lintSuggestionLine(l)).toBe(l.suggestion);
    }
  });

  it('the samples reach every reason and assumption', () => {
    const seen = ANSWERS.map((a) => explainClassification(a));
    expect(new Set(seen.flatMap((e) => e.assumed))).toEqual(
      new Set(CLASSIFICATION_ASSUMPTION_CODES),
    );
    // 'no_higher_criterion' is the SEV-3 fallback no answers reach today (see classify.test.ts).
    const reached = [...seen.flatMap((e) => e.reasons.map((r) => r.code)), 'no_higher_criterion'];
    expect(new Set(reached)).toEqual(new Set(CLASSIFICATION_REASON_CODES));
  });

  it('in German, reasons and assumptions are German, with the number written the German way', () => {
    use('de');
    const e = explainClassification({
      noUserCanAccessCore: false,
      dataIntegrityBreach: false,
      percentUsersAffected: 12.5,
      featureCriticality: 'critical',
      brokenForAllEnterprise: true,
    });
    expect(e.reasons.map(reasonLine)).toEqual([
      'Mehr als 10 % der aktiven Nutzer (12,5 %) bei einer kritischen Funktion betroffen → SEV-2',
      'Eine kritische Funktion ist für alle Enterprise-Konten ausgefallen → SEV-2',
    ]);
    expect(explainClassification({}).assumed.map((x) => assumptionLine(x, 10))).toEqual([
      'Nicht bekannt, ob überhaupt ein Nutzer das Kernprodukt erreichen kann; angenommen: keiner (SEV-1).',
      'Nicht bekannt, ob die Datenintegrität verletzt wurde oder Daten verloren gingen; angenommen: ja (SEV-1).',
    ]);
  });

  it("in both languages the policy's threshold is named, not 10", () => {
    const at = { widespreadPercent: 12.5 };
    const wide = explainClassification({ ...calmAnswers, percentUsersAffected: 16 }, at);
    const contained = explainClassification({ ...calmAnswers, percentUsersAffected: 12 }, at);
    const unknown = explainClassification({ ...calmAnswers, percentUsersAffected: undefined }, at);
    use('de');
    expect(wide.reasons.map(reasonLine)).toEqual([
      'Mehr als 12,5 % der aktiven Nutzer (16 %) bei einer wesentlichen Funktion betroffen → SEV-2',
    ]);
    expect(contained.reasons.map(reasonLine)[0]).toBe(
      'Begrenzte Beeinträchtigung: 12 % der Nutzer betroffen (nicht mehr als 12,5 %) → SEV-3',
    );
    expect(unknown.assumed.map((x) => assumptionLine(x, unknown.widespreadPercent))).toEqual([
      'Nicht bekannt, welcher Anteil der aktiven Nutzer betroffen ist; angenommen: mehr als 12,5 % (SEV-2).',
    ]);
    use('en');
    expect(contained.reasons.map(reasonLine)[0]).toBe(
      'Isolated degradation: 12% of users affected (not more than 12.5%) → SEV-3',
    );
  });

  it('in German, lints are German with their params filled in', () => {
    use('de');
    const lints = sampleLints();
    const byId = (id: string) => lints.find((l) => l.messageId === id)!;
    expect(lintLine(byId('stated_next_update_too_late'))).toBe(
      'Der Text verspricht das nächste Update in 45 Minuten; der Update-Takt sieht alle 30 Minuten eines vor.',
    );
    expect(lintLine(byId('blame_named_cause'))).toBe('Das nennt Mehmet als Ursache');
    expect(lintLine(byId('promised_resolution_time'))).toBe(
      '„will be fixed by 3pm“ verspricht eine Behebungszeit, die das Team womöglich nicht einhalten kann',
    );
    expect(lintSuggestionLine(byId('promised_resolution_time'))).toMatch(/^Versprechen Sie/);
    for (const l of lints) expect(lintLine(l), l.messageId).not.toBe(l.message);
  });

  it("falls back to the core's English for a lint without an id or a catalogue without the entry", () => {
    use('de');
    const l = sampleLints().find((x) => x.messageId === 'blame_fault')!;
    const { messageId: _drop, ...old } = l;
    expect(lintLine(old)).toBe(l.message);
    expect(lintSuggestionLine(old)).toBe(l.suggestion);
    setMessageSource(messagesSource({}), 'de');
    expect(lintLine(l)).toBe(l.message);
    expect(reasonLine({ code: 'isolated', percent: 4, threshold: 10 })).toBe(
      'Isolated degradation: 4% of users affected (not more than 10%) → SEV-3',
    );
    expect(assumptionLine('no_workaround', 10)).toMatch(/^Not known whether a workaround exists/);
  });
});
