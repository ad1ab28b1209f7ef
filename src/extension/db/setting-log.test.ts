import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import { DEFAULT_TEMPLATES } from '../../core/comms/templates';
import { lastChangeOf, nextSettingLog, SETTING_LOG_MAX } from './setting-log';
import type { SettingDoc } from './shared-docs';

const ann = { name: 'ann', display: 'Ann' };
const doc = (value: Record<string, string>, at: number, changes?: SettingDoc['changes']) =>
  ({
    _id: 'setting:templates',
    kind: 'setting',
    author: ann,
    at,
    record: { key: 'templates', value },
    ...(changes ? { changes } : {}),
  }) as SettingDoc;

describe('nextSettingLog', () => {
  test('names the template keys that changed, added or removed', () => {
    const old = doc({ update: 'a', initial: 'b' }, 1);
    expect(nextSettingLog(old, doc({ update: 'a2', 'de:initial': 'c' }, 2))).toEqual([
      { author: ann, at: 2, keys: ['de:initial', 'initial', 'update'] },
    ]);
  });

  test('the first write names only what differs from the default wording', () => {
    const first = doc({ ...DEFAULT_TEMPLATES, update: 'mine' }, 5);
    expect(nextSettingLog(null, first)).toEqual([{ author: ann, at: 5, keys: ['update'] }]);
  });

  test('an unchanged value adds nothing; the log keeps its last entries only', () => {
    const full = Array.from({ length: SETTING_LOG_MAX }, (_, i) => ({
      author: ann,
      at: i,
      keys: ['update'],
    }));
    const old = doc({ update: 'a' }, 1, full);
    expect(nextSettingLog(old, doc({ update: 'a' }, 2))).toBe(full);
    const next = nextSettingLog(old, doc({ update: 'b' }, 99));
    expect(next).toHaveLength(SETTING_LOG_MAX);
    expect(next.at(-1)).toEqual({ author: ann, at: 99, keys: ['update'] });
  });

  test('a policy change records the version it became', () => {
    const p = (version: number): SettingDoc => ({
      _id: 'setting:policy',
      kind: 'setting',
      author: ann,
      at: version,
      record: { key: 'policy', value: { ...DEFAULT_POLICY, version } },
    });
    expect(nextSettingLog(p(1), p(2))).toEqual([
      { author: ann, at: 2, keys: ['policy'], version: 2 },
    ]);
  });

  test('lastChangeOf skips changes made without a team author (local mode)', () => {
    const log = [
      { author: ann, at: 1, keys: ['update'] },
      { author: { name: '', display: '' }, at: 2, keys: ['update'] },
    ];
    expect(lastChangeOf(log, 'update')?.at).toBe(1);
    expect(lastChangeOf(log, 'initial')).toBeUndefined();
  });
});
