import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesSource, setMessageSource, t, tn } from './translate';

const root = resolve(import.meta.dirname, '../../..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.includes('.test.') ? [p] : [];
  });
}

describe('locales', () => {
  const en = load('en');
  const de = load('de');
  it('English and German have the same keys, none blank', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(de)])
      expect(v.message.trim(), k).not.toBe('');
  });
  it('every literal key the views use exists', () => {
    const dirs = [
      'content',
      'ui',
      'popup',
      'options',
      'i18n',
      'feeds',
      'sites',
      'notifications',
    ].map((d) => resolve(import.meta.dirname, '..', d));
    const used = new Set<string>();
    for (const file of dirs.flatMap(sources)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g))
        used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
  it('fills $1… substitutions and shows the key when a string is missing', () => {
    setMessageSource(messagesSource(en));
    expect(t('countdown_dueIn', '4:12')).toBe('due in 4:12');
    expect(t('no_such_key')).toBe('no_such_key');
  });
});

describe('plurals (issue 19, item 13)', () => {
  it('says "1 incident" and "2 incidents" in English, and the same in German', () => {
    setMessageSource(messagesSource(load('en')), 'en');
    expect(tn('badge_titleCount', 1)).toBe('1 active incident');
    expect(tn('badge_titleCount', 2)).toBe('2 active incidents');
    expect(tn('count_incidents', 1)).toBe('1 incident');
    expect(tn('count_incidents', 0)).toBe('0 incidents');
    setMessageSource(messagesSource(load('de')), 'de');
    expect(tn('count_incidents', 1)).toBe('1 Vorfall');
    expect(tn('count_incidents', 3)).toBe('3 Vorfälle');
    expect(tn('team_waiting', 1)).toBe(', 1 Änderung wartet.');
    setMessageSource(messagesSource(load('en')), 'en');
    expect(tn('team_waiting', 1)).toBe(', 1 change waiting.');
    expect(tn('team_waiting', 3)).toBe(', 3 changes waiting.');
    expect(tn('data_hostsAsked', 1)).toContain('the one site these');
  });

  it('no message hedges a count with "(s)" or a bare singular (Options → Data, issue s9 item 1)', () => {
    for (const lang of ['en', 'de']) {
      const hedged = Object.entries(load(lang)).filter(([, v]) =>
        /\p{L}\((?:s|n|en|e|er|es)\)/u.test(v.message),
      );
      expect([lang, hedged.map(([k]) => k)]).toEqual([lang, []]);
    }
    setMessageSource(messagesSource(load('en')), 'en');
    expect(tn('data_hostsMissing', 1)).toMatch(/^Access to 1 site is missing:/);
    expect(tn('data_hostsMissing', 2)).toMatch(/^Access to 2 sites is missing:/);
    expect(tn('rs_tl_older', 1)).toBe('1 older event is not shown.');
    expect(tn('review_arrSourceSum', 1)).toBe('sum of 1 account');
    expect(tn('panel_omitted', 1)).toBe(
      "1 more, less severe, is listed in the extension's side panel.",
    );
    expect(
      t('data_previewRecords', tn('data_previewIncidents', 1), tn('data_previewReviews', 1)),
    ).toBe('Also 1 declared incident and 1 review.');
    setMessageSource(messagesSource(load('de')), 'de');
    expect(tn('data_hostsMissing', 1)).toMatch(/^Zugriff auf 1 Website fehlt:/);
    expect(tn('data_hostsMissing', 3)).toMatch(/^Zugriff auf 3 Websites fehlt:/);
    expect(tn('rs_tl_older', 1)).toBe('1 älteres Ereignis wird nicht angezeigt.');
    expect(tn('review_arrSourceSum', 1)).toBe('Summe aus 1 Konto');
    expect(tn('panel_omitted', 1)).toBe(
      '1 weitere, weniger schwere Störung steht im Seitenbereich der Erweiterung.',
    );
    expect(
      t('data_previewRecords', tn('data_previewIncidents', 1), tn('data_previewReviews', 1)),
    ).toBe('Außerdem 1 ausgerufene Störung und 1 Review.');
    setMessageSource(messagesSource(load('en')), 'en');
  });

  it('every key counted with tn() has its plural forms', () => {
    const en = load('en');
    const used = new Set<string>();
    for (const file of sources(resolve(import.meta.dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g))
        used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((k) => !(`${k}_other` in en && `${k}_one` in en))).toEqual([]);
  });

  it('every plural key has its "one" and "other" forms in both languages', () => {
    for (const lang of ['en', 'de']) {
      const keys = Object.keys(load(lang));
      const bases = new Set(keys.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -6)));
      for (const b of [...bases].filter((x) => !keys.includes(x)))
        expect([lang, keys.includes(`${b}_one`), keys.includes(`${b}_other`)]).toEqual([
          lang,
          true,
          true,
        ]);
    }
  });
});
