import { describe, expect, it } from 'vitest';
import { computeObligations } from './obligations';
import { DEFAULT_POLICY, classificationOf, levelFor, severityName, validatePolicy } from './policy';
import type { Policy, Severity, TimelineEvent } from './types';

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
        problems: [{ path: '', message: 'The policy must be an object', code: 'object', args: [] }],
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

/**
 * `updateCadenceMinutes` and `postmortemHours` are what the messages promise; each level's 'status_updates' and
 * 'postmortem' rules are what the deadline engine enforces. A policy where they differ must never be accepted.
 */
describe('validatePolicy: the classification threshold', () => {
  const withPercent = (v: unknown) => ({ ...clone(), classification: { widespreadPercent: v } });

  it('keeps a share of users strictly between 0 and 100', () => {
    expect(validatePolicy(withPercent(15)).policy?.classification).toEqual({
      widespreadPercent: 15,
    });
    expect(validatePolicy(withPercent(0.5)).problems).toEqual([]);
  });

  it('refuses 0, 100, out-of-range, non-numeric and missing values at their path', () => {
    for (const bad of [0, 100, -5, 150, '15', Number.NaN, undefined]) {
      expect(validatePolicy(withPercent(bad)).problems).toEqual([
        {
          path: 'classification.widespreadPercent',
          message:
            'classification.widespreadPercent must be a number greater than 0 and less than 100',
          code: 'percent',
          args: [],
        },
      ]);
    }
    expect(messages({ ...clone(), classification: 10 })).toEqual([
      'classification must be an object',
    ]);
  });

  it("an older policy without it is valid and classifies at the domain's 10%", () => {
    const old = clone();
    delete old.classification;
    const { policy } = validatePolicy(old);
    expect(policy).not.toBeNull();
    expect(classificationOf(policy!)).toEqual({ widespreadPercent: 10 });
    expect(classificationOf(DEFAULT_POLICY)).toEqual({ widespreadPercent: 10 });
  });
});

describe('validatePolicy: promised numbers and deadlines agree', () => {
  type RawRule = Record<string, unknown>;
  type Raw = Record<string, unknown> & { levels: { obligations: RawRule[] }[] };
  const raw = (): Raw => clone() as Raw;
  const rulesWithId = (p: Raw, id: string): RawRule[] =>
    p.levels.flatMap((l) => l.obligations.filter((o) => o.id === id));

  it('refuses postmortemHours 72 while the post-mortem rules stay at 48 h', () => {
    const p = raw();
    p.postmortemHours = 72;
    const { policy, problems } = validatePolicy(p);
    expect(policy).toBeNull();
    expect(problems).toEqual(
      [0, 1].flatMap((l) => [
        {
          path: `levels[${l}].obligations[6].dueMinutes`,
          message: `levels[${l}].obligations[6].dueMinutes must equal postmortemHours × 60 (4320), the deadline the messages promise (got 2880)`,
          code: 'postmortemMinutes',
          args: [4320, 2880],
        },
        {
          path: `levels[${l}].obligations[6].label`,
          message: `levels[${l}].obligations[6].label must not name a number other than postmortemHours (72) (got 48)`,
          code: 'labelNumber',
          args: ['postmortemHours', 72, '48'],
        },
      ]),
    );
  });

  it('refuses a status_updates rule off the cadence, or with no cadence at all', () => {
    const p = raw();
    p.updateCadenceMinutes = 20;
    for (const r of rulesWithId(p, 'status_updates')) r.label = 'Status page updates';
    const sev2 = rulesWithId(p, 'status_updates')[1]!;
    sev2.dueMinutes = 20;
    delete sev2.repeatEveryMinutes;
    expect(messages(p)).toEqual([
      'levels[0].obligations[4].dueMinutes must equal updateCadenceMinutes (20), the cadence the messages promise (got 30)',
      'levels[0].obligations[4].repeatEveryMinutes must equal updateCadenceMinutes (20), the cadence the messages promise (got 30)',
      'levels[1].obligations[4].repeatEveryMinutes must equal updateCadenceMinutes (20), the cadence the messages promise (got nothing)',
    ]);
  });

  it('refuses a label whose number contradicts the policy, but not a label without numbers', () => {
    const p = raw();
    rulesWithId(p, 'status_updates')[0]!.label = 'Status page update every 15 min';
    rulesWithId(p, 'postmortem')[1]!.label = 'Post-mortem published after resolution';
    expect(messages(p)).toEqual([
      'levels[0].obligations[4].label must not name a number other than updateCadenceMinutes (30) (got 15)',
    ]);
  });

  it('refuses a post-mortem that is not measured from resolution', () => {
    const p = raw();
    Object.assign(rulesWithId(p, 'postmortem')[0]!, { anchor: 'classified' });
    expect(messages(p)).toEqual([
      "levels[0].obligations[6].anchor must be 'resolved' (postmortemHours counts from resolution)",
    ]);
  });

  it('does not repeat a problem already reported for the same field', () => {
    const p = raw();
    p.updateCadenceMinutes = 'soon';
    rulesWithId(p, 'postmortem')[0]!.dueMinutes = -1;
    expect(messages(p)).toEqual([
      'updateCadenceMinutes must be a positive number',
      'levels[0].obligations[6].dueMinutes must be a number ≥ 0',
    ]);
  });

  it('accepts a consistent edit (20 min, 72 h everywhere) and the deadline engine then uses it', () => {
    const p = raw();
    p.updateCadenceMinutes = 20;
    p.postmortemHours = 72;
    for (const r of rulesWithId(p, 'status_updates')) {
      Object.assign(r, { dueMinutes: 20, repeatEveryMinutes: 20 });
      r.label = 'Status page update every 20 min (impact, learned, next update time)';
    }
    for (const r of rulesWithId(p, 'postmortem')) {
      Object.assign(r, { dueMinutes: 72 * 60 });
      r.label = 'Post-mortem published within 72 h of resolution';
    }
    const { policy, problems } = validatePolicy(p);
    expect(problems).toEqual([]);

    const T0 = Date.UTC(2025, 2, 3, 9, 0);
    const at = (min: number) => T0 + min * 60_000;
    const events: TimelineEvent[] = [
      { id: 'c', type: 'classified', at: at(0), severity: 1 },
      { id: 'u', type: 'update_posted', at: at(5) },
    ];
    const open = computeObligations({ events }, policy!, at(10));
    expect(open.find((o) => o.ruleId === 'status_updates')?.dueAt).toBe(at(5 + 20));

    events.push({ id: 'r', type: 'resolved', at: at(30) });
    const pm = (now: number) =>
      computeObligations({ events }, policy!, now).find((o) => o.ruleId === 'postmortem');
    expect(pm(at(31))?.dueAt).toBe(at(30 + 72 * 60));
    // Past the old 48 h but inside the promised 72 h: not overdue.
    expect(pm(at(30 + 50 * 60))?.state).toBe('upcoming');
    expect(pm(at(30 + 72 * 60 + 1))?.state).toBe('overdue');
  });
});
