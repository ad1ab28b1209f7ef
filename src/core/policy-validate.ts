/**
 * Checks a policy that came from settings, an import or storage. It reports every problem with its path
 * (never just "invalid", never only the first), and builds the returned policy from known fields only, so
 * `__proto__` and other stray keys can neither pollute prototypes nor ride along into storage.
 */
import { isObj } from './validate';
import type {
  ClassificationThresholds,
  ObligationRule,
  Policy,
  PolicyCode,
  PolicyRuleProblem,
  Severity,
  SeverityLevel,
} from './types';
import { CHANNELS, TIMELINE_EVENT_TYPES } from './vocabulary';

/** Every obligation channel a policy may name. */
export { CHANNELS };
/** What an obligation's deadline may be measured from. */
export const ANCHORS: readonly ObligationRule['anchor'][] = ['classified', 'resolved'];
/** Incident properties an obligation may depend on. */
export const ONLY_IF: readonly NonNullable<ObligationRule['onlyIf']>[] = [
  'publicly_visible',
  'commonly_used',
];
/** Every timeline event type (what `metBy` may list). */
export const EVENT_TYPES = TIMELINE_EVENT_TYPES;

type Obj = Record<string, unknown>;

/** Own properties only: an inherited or `__proto__`-smuggled value is never read as a setting. */
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
const quoteList = (list: readonly string[]): string => list.map((s) => `'${s}'`).join(', ');

/** Reports problems into one list; each check returns the value when it is good. */
class Checker {
  readonly problems: PolicyRuleProblem[] = [];

  /** `rule` in English; `code` and `args` say the same for a view to word in its language. */
  fail(path: string, code: PolicyCode, rule: string, ...args: (string | number)[]): void {
    this.problems.push({ path, message: path ? `${path} ${rule}` : rule, code, args });
  }

  text(o: Obj, key: string, path: string): string {
    const v = own(o, key);
    if (isText(v)) return v;
    this.fail(path, 'text', 'must be a non-empty string');
    return '';
  }

  number(o: Obj, key: string, path: string, min: number, strict: boolean): number {
    const v = own(o, key);
    if (isNum(v) && (strict ? v > min : v >= min)) return v;
    // (every number a policy holds is either > 0 or ≥ 0)
    if (strict) this.fail(path, 'positive', 'must be a positive number');
    else this.fail(path, 'notNegative', `must be a number ≥ ${min}`);
    return 0;
  }

  pick<T extends string>(o: Obj, key: string, path: string, list: readonly T[]): T {
    const v = own(o, key);
    if (oneOf(list, v)) return v;
    const got = JSON.stringify(v) ?? 'nothing';
    this.fail(
      path,
      'oneOf',
      `must be one of ${quoteList(list)} (got ${got})`,
      list.join(', '),
      got,
    );
    return list[0] as T;
  }

  array(o: Obj, key: string, path: string): unknown[] {
    const v = own(o, key);
    if (Array.isArray(v)) return v;
    this.fail(path, 'list', 'must be a list');
    return [];
  }
}

/**
 * The numbers the messages promise (`updateCadenceMinutes`, `postmortemHours`), or null where that setting was
 * itself refused (so a rule is not also blamed for disagreeing with a value that is already wrong).
 */
interface Promised {
  cadence: number | null;
  postmortemHours: number | null;
}

/**
 * The composer, the update lint and the resolution text quote the policy's top-level numbers, while the
 * obligation engine reads each level's 'status_updates' and 'postmortem' rules. Both copies must agree, and
 * so must any number the rule's label names (views and notices show the label as written).
 */
function checkPromises(c: Checker, rule: ObligationRule, path: string, promised: Promised): void {
  // One problem per field: a value already refused as invalid is not also compared.
  const fresh = (key: string): boolean => !c.problems.some((p) => p.path === `${path}.${key}`);
  const agree = (key: 'dueMinutes' | 'repeatEveryMinutes', want: number, what: string): void => {
    const got = rule[key];
    if (got !== want && fresh(key)) {
      const code =
        key === 'dueMinutes' && rule.id === 'postmortem' ? 'postmortemMinutes' : 'cadence';
      c.fail(
        `${path}.${key}`,
        code,
        `must equal ${what} (got ${got ?? 'nothing'})`,
        want,
        got ?? '—',
      );
    }
  };
  const labelNames = (want: number, setting: string): void => {
    const other = (rule.label.match(/\d+(?:\.\d+)?/g) ?? []).find((n) => Number(n) !== want);
    if (other !== undefined && fresh('label')) {
      c.fail(
        `${path}.label`,
        'labelNumber',
        `must not name a number other than ${setting} (${want}) (got ${other})`,
        setting,
        want,
        other,
      );
    }
  };
  if (rule.id === 'status_updates' && promised.cadence !== null) {
    const what = `updateCadenceMinutes (${promised.cadence}), the cadence the messages promise`;
    agree('dueMinutes', promised.cadence, what);
    agree('repeatEveryMinutes', promised.cadence, what);
    labelNames(promised.cadence, 'updateCadenceMinutes');
  }
  if (rule.id === 'postmortem' && promised.postmortemHours !== null) {
    const h = promised.postmortemHours;
    if (rule.anchor !== 'resolved' && fresh('anchor')) {
      c.fail(
        `${path}.anchor`,
        'anchorResolved',
        "must be 'resolved' (postmortemHours counts from resolution)",
      );
    }
    agree(
      'dueMinutes',
      h * 60,
      `postmortemHours × 60 (${h * 60}), the deadline the messages promise`,
    );
    labelNames(h, 'postmortemHours');
  }
}

function checkRule(
  c: Checker,
  input: unknown,
  path: string,
  promised: Promised,
): ObligationRule | null {
  if (!isObj(input)) {
    c.fail(path, 'object', 'must be an object');
    return null;
  }
  const rule: ObligationRule = {
    id: c.text(input, 'id', `${path}.id`),
    label: c.text(input, 'label', `${path}.label`),
    channel: c.pick(input, 'channel', `${path}.channel`, CHANNELS),
    anchor: c.pick(input, 'anchor', `${path}.anchor`, ANCHORS),
    dueMinutes: c.number(input, 'dueMinutes', `${path}.dueMinutes`, 0, false),
    metBy: [],
  };
  c.array(input, 'metBy', `${path}.metBy`).forEach((t, i) => {
    if (oneOf(EVENT_TYPES, t)) rule.metBy.push(t);
    else
      c.fail(
        `${path}.metBy[${i}]`,
        'eventType',
        `must be a timeline event type (got ${JSON.stringify(t)})`,
        JSON.stringify(t) ?? 'nothing',
      );
  });
  if (own(input, 'repeatEveryMinutes') !== undefined) {
    rule.repeatEveryMinutes = c.number(
      input,
      'repeatEveryMinutes',
      `${path}.repeatEveryMinutes`,
      0,
      true,
    );
  }
  if (own(input, 'onlyIf') !== undefined) {
    rule.onlyIf = c.pick(input, 'onlyIf', `${path}.onlyIf`, ONLY_IF);
  }
  const standing = own(input, 'standing');
  if (standing !== undefined) {
    if (typeof standing === 'boolean') rule.standing = standing;
    else c.fail(`${path}.standing`, 'boolean', 'must be true or false');
  }
  // Combinations the obligation engine cannot honour, named rather than silently reinterpreted.
  if (rule.standing && rule.repeatEveryMinutes !== undefined) {
    c.fail(
      `${path}.repeatEveryMinutes`,
      'standingRepeat',
      'cannot be set on a standing obligation',
    );
  }
  if (rule.anchor === 'resolved' && rule.repeatEveryMinutes !== undefined) {
    c.fail(
      `${path}.repeatEveryMinutes`,
      'resolvedRepeat',
      "cannot be set when anchor is 'resolved' (it recurs only while open)",
    );
  }
  checkPromises(c, rule, path, promised);
  return rule;
}

function checkLevel(
  c: Checker,
  input: unknown,
  path: string,
  promised: Promised,
): SeverityLevel | null {
  if (!isObj(input)) {
    c.fail(path, 'object', 'must be an object');
    return null;
  }
  const sev = own(input, 'severity');
  const severityOk = sev === 1 || sev === 2 || sev === 3 || sev === 4;
  if (!severityOk) c.fail(`${path}.severity`, 'severity', 'must be 1, 2, 3 or 4');
  const level: SeverityLevel = {
    severity: (severityOk ? sev : 0) as Severity,
    name: c.text(input, 'name', `${path}.name`),
    criteria: [],
    obligations: [],
  };
  c.array(input, 'criteria', `${path}.criteria`).forEach((s, i) => {
    if (isText(s)) level.criteria.push(s);
    else c.fail(`${path}.criteria[${i}]`, 'text', 'must be a non-empty string');
  });
  const seen = new Map<string, number>();
  c.array(input, 'obligations', `${path}.obligations`).forEach((o, i) => {
    const rule = checkRule(c, o, `${path}.obligations[${i}]`, promised);
    if (!rule) return;
    const first = seen.get(rule.id);
    if (rule.id && first !== undefined) {
      c.fail(
        `${path}.obligations[${i}].id`,
        'duplicateId',
        `duplicates obligations[${first}].id '${rule.id}'`,
        first,
        rule.id,
      );
    } else seen.set(rule.id, i);
    level.obligations.push(rule);
  });
  return severityOk ? level : null;
}

/** The classifier's figures; the share of users must leave both sides of the line possible. */
function checkClassification(c: Checker, input: unknown): ClassificationThresholds | null {
  if (!isObj(input)) {
    c.fail('classification', 'object', 'must be an object');
    return null;
  }
  const v = own(input, 'widespreadPercent');
  if (isNum(v) && v > 0 && v < 100) return { widespreadPercent: v };
  c.fail(
    'classification.widespreadPercent',
    'percent',
    'must be a number greater than 0 and less than 100',
  );
  return null;
}

/**
 * Validates untrusted policy input. Returns the policy (a fresh copy, levels ordered SEV-1..SEV-4) only when
 * there are no problems; otherwise `policy` is null and `problems` lists every one, each with its path.
 */
export function validatePolicy(input: unknown): {
  policy: Policy | null;
  problems: PolicyRuleProblem[];
} {
  const c = new Checker();
  if (!isObj(input)) {
    c.fail('', 'object', 'The policy must be an object');
    return { policy: null, problems: c.problems };
  }
  const version = own(input, 'version');
  if (!(Number.isInteger(version) && (version as number) >= 1)) {
    c.fail('version', 'version', 'must be an integer ≥ 1');
  }
  const policy: Policy = {
    version: version as number,
    name: c.text(input, 'name', 'name'),
    dueSoonMinutes: c.number(input, 'dueSoonMinutes', 'dueSoonMinutes', 0, false),
    updateCadenceMinutes: c.number(input, 'updateCadenceMinutes', 'updateCadenceMinutes', 0, true),
    postmortemHours: c.number(input, 'postmortemHours', 'postmortemHours', 0, true),
    levels: [],
  };
  // Optional: policies saved before it existed classify at the domain's 10% (`classificationOf`).
  if (own(input, 'classification') !== undefined) {
    const thresholds = checkClassification(c, own(input, 'classification'));
    if (thresholds) policy.classification = thresholds;
  }
  // A refused setting reads as 0 (never a valid value for these), so rules are not compared against it.
  const promised: Promised = {
    cadence: policy.updateCadenceMinutes || null,
    postmortemHours: policy.postmortemHours || null,
  };
  const bySeverity = new Map<Severity, number>();
  c.array(input, 'levels', 'levels').forEach((l, i) => {
    const level = checkLevel(c, l, `levels[${i}]`, promised);
    if (!level) return;
    const first = bySeverity.get(level.severity);
    if (first !== undefined) {
      c.fail(
        `levels[${i}].severity`,
        'duplicateSeverity',
        `duplicates levels[${first}].severity (SEV-${level.severity})`,
        first,
        level.severity,
      );
    } else bySeverity.set(level.severity, i);
    policy.levels.push(level);
  });
  for (const s of [1, 2, 3, 4] as const) {
    if (!bySeverity.has(s))
      c.fail('levels', 'missingLevel', `must include a level for SEV-${s}`, s);
  }
  policy.levels.sort((a, b) => a.severity - b.severity);
  return c.problems.length ? { policy: null, problems: c.problems } : { policy, problems: [] };
}
