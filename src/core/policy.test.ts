import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, levelFor, severityName, validatePolicy } from './policy';
import type { Policy, Severity } from './types';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(DEFAULT_POLICY));
const rule = (s: Severity, id: string) =>
  levelFor(DEFAULT_POLICY, s).obligations.find((o) => o.id === id);
const messages = (input: unknown): string[] => validatePolicy(input).problems.map((p) => p.message);

describe('DEFAULT_POLICY', () => {
  it('has the top-level defaults from the domain text', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      version: 1,
      dueSoonMinutes: 5,
      updateCadenceMinutes: 30,
      postmortemHours: 48,
    });
    expect(DEFAULT_POLICY.levels.map((l) => [l.severity, l.name])).toEqual([
      [1, 'Critical'],
      [2, 'Major'],
      [3, 'Minor'],
      [4, 'Low'],
    ]);
  });

  it('SEV-1: bridge now, status page 15, customers 30, CEO and board 60, updates every 30, banner, post-mortem 48 h', () => {
    expect(rule(1, 'bridge_call')).toMatchObject({ dueMinutes: 0, channel: 'bridge' });
    expect(rule(1, 'status_page')).toMatchObject({ dueMinutes: 15, channel: 'status_page' });
    expect(rule(1, 'customer_email')).toMatchObject({ dueMinutes: 30, channel: 'customer_email' });
    expect(rule(1, 'exec_notice')).toMatchObject({ dueMinutes: 60, channel: 'exec' });
    expect(rule(1, 'status_updates')).toMatchObject({ repeatEveryMinutes: 30 });
    expect(rule(1, 'in_app_banner')).toMatchObject({ standing: true, channel: 'banner' });
    expect(rule(1, 'postmortem')).toMatchObject({ anchor: 'resolved', dueMinutes: 48 * 60 });
  });

  it('SEV-2: engaged now, meeting 30, status page 15, customers 60, updates, banner, post-mortem', () => {
    expect(rule(2, 'engage_on_call')).toMatchObject({ dueMinutes: 0, channel: 'engagement' });
    expect(rule(2, 'coordination_meeting')).toMatchObject({ dueMinutes: 30 });
    expect(rule(2, 'status_page')).toMatchObject({ dueMinutes: 15 });
    expect(rule(2, 'customer_email')).toMatchObject({ dueMinutes: 60 });
    expect(rule(2, 'status_updates')).toMatchObject({ repeatEveryMinutes: 30 });
    expect(rule(2, 'in_app_banner')).toMatchObject({ standing: true });
    expect(rule(2, 'postmortem')).toMatchObject({ anchor: 'resolved', dueMinutes: 2880 });
  });

  it('SEV-3: engineer assigned (standing), status page only if public, customers only if commonly used', () => {
    expect(levelFor(DEFAULT_POLICY, 3).obligations.map((o) => o.id)).toEqual([
      'engineer_assigned',
      'status_page',
      'customer_email',
    ]);
    expect(rule(3, 'engineer_assigned')).toMatchObject({ standing: true });
    expect(rule(3, 'status_page')).toMatchObject({ dueMinutes: 15, onlyIf: 'publicly_visible' });
    expect(rule(3, 'customer_email')).toMatchObject({ dueMinutes: 60, onlyIf: 'commonly_used' });
  });

  it('SEV-4: only a tracked bug, never escalated', () => {
    const level = levelFor(DEFAULT_POLICY, 4);
    expect(level.obligations).toHaveLength(1);
    expect(level.obligations[0]).toMatchObject({ channel: 'tracking', standing: true });
  });

  it('round-trips through JSON and validates clean', () => {
    const { policy, problems } = validatePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(problems).toEqual([]);
    expect(policy).toEqual(DEFAULT_POLICY);
  });
});

describe('levelFor / severityName', () => {
  it('names severities as the domain does', () => {
    expect(severityName(DEFAULT_POLICY, 1)).toBe('SEV-1 (Critical)');
    expect(severityName(DEFAULT_POLICY, 4)).toBe('SEV-4 (Low)');
  });

  it('falls back to the default level when a policy lacks one', () => {
    const partial: Policy = { ...DEFAULT_POLICY, levels: DEFAULT_POLICY.levels.slice(0, 2) };
    expect(levelFor(partial, 3).name).toBe('Minor');
  });
});

describe('validatePolicy', () => {
  it('refuses a non-object whole', () => {
    for (const bad of [null, 42, 'policy', [DEFAULT_POLICY]]) {
      expect(validatePolicy(bad)).toEqual({
        policy: null,
        problems: [{ path: '', message: 'The policy must be an object' }],
      });
    }
  });

  it('reports every problem with its path, not just the first', () => {
    const p = clone() as { levels: Record<string, unknown>[] } & Record<string, unknown>;
    p.version = 1.5;
    p.dueSoonMinutes = -1;
    const level = p.levels[1] as { obligations: Record<string, unknown>[] };
    Object.assign(level.obligations[2] as object, {
      dueMinutes: -3,
      channel: 'pager',
      anchor: 'later',
    });
    Object.assign(level.obligations[0] as object, {
      metBy: ['bridge_opened', 'smoke_signal'],
      onlyIf: 'x',
    });
    const { policy, problems } = validatePolicy(p);
    expect(policy).toBeNull();
    expect(problems.map((x) => x.path)).toEqual([
      'version',
      'dueSoonMinutes',
      'levels[1].obligations[0].metBy[1]',
      'levels[1].obligations[0].onlyIf',
      'levels[1].obligations[2].channel',
      'levels[1].obligations[2].anchor',
      'levels[1].obligations[2].dueMinutes',
    ]);
    expect(problems.map((x) => x.message)).toContain(
      'levels[1].obligations[2].dueMinutes must be a number ≥ 0',
    );
    expect(problems.map((x) => x.message)).toContain('version must be an integer ≥ 1');
  });

  it('allows dueMinutes 0 ("now") but not a missing or non-numeric one', () => {
    const p = clone() as { levels: { obligations: Record<string, unknown>[] }[] };
    expect(validatePolicy(p).problems).toEqual([]);
    delete p.levels[0]!.obligations[0]!.dueMinutes;
    p.levels[0]!.obligations[1]!.dueMinutes = '15';
    expect(messages(p)).toEqual([
      'levels[0].obligations[0].dueMinutes must be a number ≥ 0',
      'levels[0].obligations[1].dueMinutes must be a number ≥ 0',
    ]);
  });

  it('reports duplicate obligation ids within a level', () => {
    const p = clone() as { levels: { obligations: Record<string, unknown>[] }[] };
    p.levels[2]!.obligations[2]!.id = 'status_page';
    expect(messages(p)).toEqual([
      "levels[2].obligations[2].id duplicates obligations[1].id 'status_page'",
    ]);
  });

  it('needs exactly SEV-1..SEV-4, once each', () => {
    const p = clone() as { levels: Record<string, unknown>[] };
    p.levels[3]!.severity = 2;
    p.levels.push({ ...p.levels[0], severity: 5 });
    expect(messages(p)).toEqual([
      'levels[3].severity duplicates levels[1].severity (SEV-2)',
      'levels[4].severity must be 1, 2, 3 or 4',
      'levels must include a level for SEV-4',
    ]);
  });

  it('reports missing fields, wrong types and impossible combinations', () => {
    const p = clone() as { levels: Record<string, unknown>[] } & Record<string, unknown>;
    delete p.name;
    p.postmortemHours = 0;
    p.levels[0]!.criteria = ['ok', ''];
    p.levels[0]!.name = 7;
    const obligations = p.levels[0]!.obligations as Record<string, unknown>[];
    obligations[5]!.repeatEveryMinutes = 30; // the standing banner
    obligations[6]!.repeatEveryMinutes = 0; // the post-mortem, anchored on resolution
    obligations[4]!.standing = 'yes';
    (obligations as unknown[])[3] = 'exec';
    expect(messages(p)).toEqual([
      'name must be a non-empty string',
      'postmortemHours must be a positive number',
      'levels[0].name must be a non-empty string',
      'levels[0].criteria[1] must be a non-empty string',
      'levels[0].obligations[3] must be an object',
      'levels[0].obligations[4].standing must be true or false',
      'levels[0].obligations[5].repeatEveryMinutes cannot be set on a standing obligation',
      'levels[0].obligations[6].repeatEveryMinutes must be a positive number',
      "levels[0].obligations[6].repeatEveryMinutes cannot be set when anchor is 'resolved' (it recurs only while open)",
    ]);
  });

  it('reports a missing levels list and every missing level', () => {
    const p = clone();
    delete p.levels;
    expect(messages(p)).toEqual([
      'levels must be a list',
      'levels must include a level for SEV-1',
      'levels must include a level for SEV-2',
      'levels must include a level for SEV-3',
      'levels must include a level for SEV-4',
    ]);
  });

  it('is immune to __proto__ keys and ignores inherited settings', () => {
    const text = JSON.stringify(DEFAULT_POLICY)
      .replace('{"version":1', '{"__proto__":{"polluted":true,"isAdmin":true},"version":1')
      .replace('"id":"bridge_call"', '"__proto__":{"standing":true},"id":"bridge_call"');
    const { policy, problems } = validatePolicy(JSON.parse(text));
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(Object.keys(policy!)).not.toContain('__proto__');
    expect(policy!.levels[0]!.obligations[0]!.standing).toBeUndefined();

    // A setting only reachable through the prototype chain is not a setting.
    const inherited = Object.create({ version: 1 }) as Record<string, unknown>;
    Object.assign(inherited, { ...clone(), version: undefined });
    expect(messages(inherited)).toEqual(['version must be an integer ≥ 1']);
  });
});
