import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, EVENT_TYPES } from '../../../core/policy';
import { KIND_FIELDS } from './compose';
import { TRI_QUESTIONS } from './classify-form';
import { SECTIONS } from './route';

const ROOT = resolve(import.meta.dirname, '../../../..');
const catalogue = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;

/** Every key the responder and side panel use: literal `t('…')` calls plus the computed families. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const dir of [
    'src/extension/responder',
    'src/extension/responder/views',
    'src/extension/sidepanel',
  ]) {
    for (const f of readdirSync(join(ROOT, dir)).filter(
      (n) => /\.tsx?$/.test(n) && !n.includes('.test.'),
    )) {
      const src = readFileSync(join(ROOT, dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
      for (const m of src.matchAll(/'((?:rs|declare|classify|edit)_[A-Za-z0-9_]+)'/g))
        keys.add(m[1]!);
      // a count in words (tn) looks up its plural forms, never the bare key
      for (const m of src.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) {
        keys.delete(m[1]!);
        keys.add(`${m[1]!}_one`).add(`${m[1]!}_other`);
      }
    }
  }
  const family = (prefix: string, names: readonly string[]) =>
    names.forEach((n) => keys.add(`${prefix}${n}`));
  family('rs_q_', [...TRI_QUESTIONS, 'percentUsersAffected', 'featureCriticality']);
  family('rs_tri_', ['yes', 'no', 'unknown']);
  family('rs_crit_', ['critical', 'significant', 'non_critical', 'unknown']);
  family('rs_state_', [
    'met',
    'met_late',
    'upcoming',
    'due_soon',
    'overdue',
    'standing',
    'missed',
    'not_applicable',
  ]);
  family(
    'rs_ob_',
    DEFAULT_POLICY.levels.flatMap((l) => l.obligations.map((o) => o.id)),
  );
  family(
    'rs_field_',
    Object.values(KIND_FIELDS).flatMap((fs) => fs.map((f) => f.name)),
  );
  family('rs_element_', ['impacted', 'learned', 'nextUpdateAt']);
  family('rs_kind_', Object.keys(KIND_FIELDS));
  family('rs_cs_', [
    'operational',
    'degraded_performance',
    'partial_outage',
    'major_outage',
    'under_maintenance',
  ]);
  family('rs_ev_', [...EVENT_TYPES]);
  family('rs_section_', SECTIONS);
  family('rs_sp_cfg_', [
    'not_a_url',
    'credentials_in_url',
    'query_in_url',
    'https_required',
    'bad_page_id',
    'bad_api_key',
  ]);
  family('status_', ['investigating', 'identified', 'monitoring', 'resolved']);
  return keys;
}

describe('responder strings', () => {
  const en = catalogue('en');
  const de = catalogue('de');
  it.each(['en', 'de'])('every key used exists in %s', (lang) => {
    const cat = lang === 'en' ? en : de;
    const missing = [...usedKeys()].filter((k) => !cat[k]?.message);
    expect(missing).toEqual([]);
  });
  it('English and German have the same responder keys and the same substitutions', () => {
    const ours = (c: Record<string, unknown>) =>
      Object.keys(c)
        .filter((k) => /^(rs|declare|classify|edit)_/.test(k))
        .sort();
    expect(ours(de)).toEqual(ours(en));
    for (const k of ours(en)) {
      const subs = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(subs(de[k]!.message), k).toEqual(subs(en[k]!.message));
    }
  });
});
