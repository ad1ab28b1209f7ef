import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesSource, setMessageSource, t } from './translate';

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
