import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_TEMPLATES } from '../../core/comms/templates';
import { OPTIONAL_RULES } from '../../core/policy-edit';
import { LANGUAGES, type ManagedReason } from './config';

const REASONS: Record<ManagedReason, true> = {
  notObject: true,
  unknownKey: true,
  wrongType: true,
  badUrl: true,
  httpsOnly: true,
  duplicate: true,
  badHeader: true,
  badFormat: true,
  badPoll: true,
  badSite: true,
  badPolicy: true,
  badTemplate: true,
  badChoice: true,
  password: true,
};

/** Keys the managed notice and the editors build at run time (`managed_why_${reason}` and so on). */
const built = [
  ...Object.keys(REASONS).map((r) => `managed_why_${r}`),
  ...['source', 'site'].flatMap((g) => [`managed_field_${g}`, `managed_field_of_${g}`]),
  ...['managed_accessNeeded', 'managed_ignoredTitle'].flatMap((k) => [`${k}_one`, `${k}_other`]),
  ...OPTIONAL_RULES.map((r) => `policy_applies_${r}`),
  ...['always', 'publicly_visible', 'commonly_used', 'never'].map((a) => `policy_appliesOpt_${a}`),
  ...Object.keys(DEFAULT_TEMPLATES).map((id) => `tpl_id_${id}`),
  ...LANGUAGES.map((l) => `tpl_lang_${l}`),
];

describe.each(['en', 'de'])('the %s words', (lang) => {
  const messages = JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`),
      'utf8',
    ),
  ) as Record<string, { message: string }>;
  it('name every reason a managed value is ignored, and every option the editors build', () => {
    expect(built.filter((k) => !messages[k]?.message)).toEqual([]);
  });
});
