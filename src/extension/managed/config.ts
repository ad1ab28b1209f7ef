/**
 * The managed configuration: what an organisation sets through browser policy (Chrome's
 * `storage.managed` with `managed_schema.json`, Firefox's `policies.json` → `3rdparty.Extensions`).
 *
 * `readManaged` is the one typed reader. It trusts nothing: Chrome drops values that break the
 * schema, Firefox checks no schema at all, and neither knows our rules (https, a policy that
 * `validatePolicy` accepts, templates without unknown placeholders). Each value is checked on its
 * own; a bad one is left out with a problem naming its path, and everything else still applies.
 */
import { validatePolicy } from '../../core/policy';
import { DEFAULT_TEMPLATES, type TemplateId } from '../../core/comms/templates';
import { validateTemplate, type TemplateProblem } from '../../core/comms/render';
import { FORMATS, type FeedFormat } from '../../core/feed/formats/types';
import type { Language } from '../../core/language';
import type { Policy, PolicyRuleProblem } from '../../core/types';
import type { NotificationPrefs } from '../db/schema';
import { checkPrefs, MAX_MUTED, NOTIFICATION_SETTINGS } from '../notifications/prefs';
import { parseSiteInput } from '../origins/page-origin';
import { originPattern } from '../origins/match-patterns';
import { isCorner, type Corner } from '../sites/corner';
import { isRequestHeaders, MAX_HEADERS } from '../feeds/request-headers';

export interface ManagedSource {
  name: string;
  /** The feed URL (http(s), normalised). */
  url: string;
  pollSeconds: number;
  /** The feed's format, or `auto` to detect it (the default). */
  format: FeedFormat | 'auto';
  /** Request headers sent with each poll (for private status pages). */
  headers: Record<string, string>;
}

export interface ManagedSite {
  origin: string;
  corner?: Corner;
}

/** The team server (team mode). Never a password: each agent signs in themselves. */
export interface ManagedTeam {
  serverUrl: string;
  team?: string;
}

export interface ManagedConfig {
  sources: ManagedSource[];
  sites: ManagedSite[];
  /** The response policy, or null when none is set (or the one set was refused). */
  policy: Policy | null;
  /** Template texts by UI language, then by template id. */
  templates: Partial<Record<Language, Partial<Record<TemplateId, string>>>>;
  /** Notification defaults: what an agent starts with (they may still change them). */
  notifications: Partial<NotificationPrefs>;
  team: ManagedTeam | null;
  /** Whether agents may add sources and sites of their own beside the managed ones. */
  allowUserSources: boolean;
  allowUserSites: boolean;
}

/** Why a managed value was left out; the view words each one (`managed_why_<reason>`). */
export type ManagedReason =
  | 'notObject'
  | 'unknownKey'
  | 'wrongType'
  | 'badUrl'
  | 'httpsOnly'
  | 'duplicate'
  | 'badHeader'
  | 'badFormat'
  | 'badPoll'
  | 'badSite'
  | 'badPolicy'
  | 'badTemplate'
  | 'badChoice'
  | 'password';

export interface ManagedProblem {
  /** Where the value sits in the policy JSON, e.g. `sources[1].url`. */
  path: string;
  reason: ManagedReason;
  /** The rule's own words where it has them (validatePolicy, validateTemplate), else ''. */
  detail: string;
  /** A refused policy's problem as validatePolicy names it (its path inside the policy). */
  policy?: PolicyRuleProblem;
  /** A refused template's errors as validateTemplate names them, for the UI to word. */
  template?: TemplateProblem[];
}

export interface ManagedRead {
  config: ManagedConfig;
  problems: ManagedProblem[];
  /** True when the organisation set anything at all (even if all of it was refused). */
  present: boolean;
}

/** Every top-level key the reader knows; managed_schema.json declares exactly these. */
export const MANAGED_KEYS = [
  'sources',
  'sites',
  'policy',
  'templates',
  'notifications',
  'team',
  'allowUserSources',
  'allowUserSites',
] as const;

export const LANGUAGES: readonly Language[] = ['en', 'de'];
/** The notification settings managed_schema.json declares (kinds, then filters). */
export const NOTIFICATION_KEYS = NOTIFICATION_SETTINGS;
const TEMPLATE_IDS = Object.keys(DEFAULT_TEMPLATES) as TemplateId[];
/** Poll interval bounds (the same as a user's source). */
const POLL = { min: 30, max: 86_400, fallback: 60 } as const;
/** Keys that would carry a secret: never read from a policy (it is readable by every local user). */
const SECRET_KEY = /pass(word)?|secret/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** An empty configuration: nothing managed, users free to add their own. */
export function emptyManaged(): ManagedConfig {
  return {
    sources: [],
    sites: [],
    policy: null,
    templates: {},
    notifications: {},
    team: null,
    allowUserSources: true,
    allowUserSites: true,
  };
}

/** An http(s) URL, https unless the host is this machine; or the reason it is not. */
function checkUrl(v: unknown): { url: string } | { reason: ManagedReason } {
  if (!nonEmpty(v)) return { reason: 'wrongType' };
  let u: URL;
  try {
    u = new URL(v.trim());
  } catch {
    return { reason: 'badUrl' };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol === 'https:' || (u.protocol === 'http:' && local)) return { url: u.href };
  return { reason: u.protocol === 'http:' ? 'httpsOnly' : 'badUrl' };
}

class Reader {
  readonly problems: ManagedProblem[] = [];
  fail(path: string, reason: ManagedReason, detail = ''): void {
    this.problems.push({ path, reason, detail });
  }

  headers(v: unknown, path: string): Record<string, string> | null {
    if (v === undefined) return {};
    if (!isObj(v)) return (this.fail(path, 'wrongType'), null);
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(v)) {
      // The same rules as a header an agent types (feeds/request-headers.ts).
      if (!isRequestHeaders({ [name]: value }))
        return (this.fail(`${path}.${name}`, 'badHeader'), null);
      out[name] = value as string;
    }
    if (Object.keys(out).length > MAX_HEADERS) return (this.fail(path, 'badHeader'), null);
    return out;
  }

  source(v: unknown, path: string, seen: Set<string>): ManagedSource | null {
    if (!isObj(v)) return (this.fail(path, 'notObject'), null);
    const name = own(v, 'name');
    if (!nonEmpty(name) || name.length > 200) return (this.fail(`${path}.name`, 'wrongType'), null);
    const url = checkUrl(own(v, 'url'));
    if ('reason' in url) return (this.fail(`${path}.url`, url.reason), null);
    if (seen.has(url.url)) return (this.fail(`${path}.url`, 'duplicate'), null);
    const poll = own(v, 'pollSeconds') ?? POLL.fallback;
    if (typeof poll !== 'number' || !Number.isInteger(poll) || poll < POLL.min || poll > POLL.max)
      return (this.fail(`${path}.pollSeconds`, 'badPoll'), null);
    const format = own(v, 'format') ?? 'auto';
    if (format !== 'auto' && !(FORMATS as readonly unknown[]).includes(format))
      return (this.fail(`${path}.format`, 'badFormat'), null);
    const headers = this.headers(own(v, 'headers'), `${path}.headers`);
    if (!headers) return null;
    seen.add(url.url);
    return {
      name: name.trim(),
      url: url.url,
      pollSeconds: poll,
      format: format as ManagedSource['format'],
      headers,
    };
  }

  site(v: unknown, path: string, seen: Set<string>): ManagedSite | null {
    const raw = isObj(v) ? own(v, 'origin') : v;
    const origin = typeof raw === 'string' ? parseSiteInput(raw) : null;
    if (!origin) return (this.fail(path, 'badSite'), null);
    if (seen.has(origin)) return (this.fail(path, 'duplicate'), null);
    const corner = isObj(v) ? own(v, 'corner') : undefined;
    if (corner !== undefined && !isCorner(corner))
      return (this.fail(`${path}.corner`, 'wrongType'), null);
    seen.add(origin);
    return corner === undefined ? { origin } : { origin, corner };
  }

  list<T>(v: unknown, path: string, one: (x: unknown, p: string) => T | null): T[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return (this.fail(path, 'wrongType'), []);
    return v.flatMap((x, i) => {
      const r = one(x, `${path}[${i}]`);
      return r === null ? [] : [r];
    });
  }

  policy(v: unknown): Policy | null {
    if (v === undefined) return null;
    const r = validatePolicy(v);
    if (r.policy && r.problems.length === 0) return r.policy;
    for (const p of r.problems)
      this.problems.push({
        path: p.path ? `policy.${p.path}` : 'policy',
        reason: 'badPolicy',
        detail: p.message,
        policy: p,
      });
    return null;
  }

  templates(v: unknown): ManagedConfig['templates'] {
    const out: ManagedConfig['templates'] = {};
    if (v === undefined) return out;
    if (!isObj(v)) return (this.fail('templates', 'wrongType'), out);
    for (const [lang, texts] of Object.entries(v)) {
      const path = `templates.${lang}`;
      if (!(LANGUAGES as readonly string[]).includes(lang)) {
        this.fail(path, 'unknownKey');
        continue;
      }
      if (!isObj(texts)) {
        this.fail(path, 'wrongType');
        continue;
      }
      const mine: Partial<Record<TemplateId, string>> = {};
      for (const [id, text] of Object.entries(texts)) {
        if (!(TEMPLATE_IDS as string[]).includes(id)) {
          this.fail(`${path}.${id}`, 'unknownKey');
          continue;
        }
        if (!nonEmpty(text)) {
          this.fail(`${path}.${id}`, 'wrongType');
          continue;
        }
        const errors = validateTemplate(id as TemplateId, text).filter((p) => p.level === 'error');
        if (errors.length > 0) {
          this.problems.push({
            path: `${path}.${id}`,
            reason: 'badTemplate',
            detail: errors.map((e) => e.message).join('; '),
            template: errors,
          });
          continue;
        }
        mine[id as TemplateId] = text;
      }
      out[lang as Language] = mine;
    }
    return out;
  }

  /**
   * Notification defaults: the kinds and the filters (checked as an agent's change is), muted
   * sources named by their feed URL (each checked on its own).
   */
  notifications(v: unknown): Partial<NotificationPrefs> {
    if (v === undefined) return {};
    if (!isObj(v)) return (this.fail('notifications', 'wrongType'), {});
    // own keys only (a `__proto__` key in the JSON is data, never inherited)
    const { mutedSources, ...rest } = Object.fromEntries<unknown>(
      Object.keys(v).map((k) => [k, own(v, k)]),
    );
    const { value, problems } = checkPrefs(rest);
    for (const p of problems) this.fail(`notifications.${p.key}`, p.reason);
    if (mutedSources === undefined) return value;
    if (!Array.isArray(mutedSources)) {
      this.fail('notifications.mutedSources', 'wrongType');
      return value;
    }
    const urls = mutedSources.flatMap((x, i) => {
      const url = checkUrl(x);
      if ('url' in url) return [url.url];
      this.fail(`notifications.mutedSources[${i}]`, url.reason);
      return [];
    });
    // every entry refused: no default at all (an empty list is one only when IT wrote it so)
    if (urls.length === 0 && mutedSources.length > 0) return value;
    return { ...value, mutedSources: [...new Set(urls)].slice(0, MAX_MUTED) };
  }

  team(v: unknown): ManagedTeam | null {
    if (v === undefined) return null;
    if (!isObj(v)) return (this.fail('team', 'notObject'), null);
    // A secret in a policy file is readable by anyone on the machine: refused, never stored.
    for (const k of Object.keys(v)) if (SECRET_KEY.test(k)) this.fail(`team.${k}`, 'password');
    for (const k of Object.keys(v))
      if (!['serverUrl', 'team'].includes(k) && !SECRET_KEY.test(k))
        this.fail(`team.${k}`, 'unknownKey');
    const url = checkUrl(own(v, 'serverUrl'));
    if ('reason' in url) return (this.fail('team.serverUrl', url.reason), null);
    const team = own(v, 'team');
    if (team !== undefined && !nonEmpty(team)) this.fail('team.team', 'wrongType');
    return nonEmpty(team) ? { serverUrl: url.url, team: team.trim() } : { serverUrl: url.url };
  }

  flag(o: Obj, key: 'allowUserSources' | 'allowUserSites'): boolean {
    const v = own(o, key);
    if (v === undefined) return true;
    if (typeof v === 'boolean') return v;
    this.fail(key, 'wrongType');
    return true;
  }
}

/** Reads what `storage.managed.get()` returned into a typed configuration and its problems. */
export function readManaged(raw: unknown): ManagedRead {
  const r = new Reader();
  const config = emptyManaged();
  if (!isObj(raw)) {
    r.fail('', 'notObject');
    return { config, problems: r.problems, present: raw !== undefined && raw !== null };
  }
  for (const k of Object.keys(raw))
    if (!(MANAGED_KEYS as readonly string[]).includes(k)) r.fail(k, 'unknownKey');
  const sourcesSeen = new Set<string>();
  const sitesSeen = new Set<string>();
  config.sources = r.list(own(raw, 'sources'), 'sources', (x, p) => r.source(x, p, sourcesSeen));
  config.sites = r.list(own(raw, 'sites'), 'sites', (x, p) => r.site(x, p, sitesSeen));
  config.policy = r.policy(own(raw, 'policy'));
  config.templates = r.templates(own(raw, 'templates'));
  config.notifications = r.notifications(own(raw, 'notifications'));
  config.team = r.team(own(raw, 'team'));
  config.allowUserSources = r.flag(raw, 'allowUserSources');
  config.allowUserSites = r.flag(raw, 'allowUserSites');
  return { config, problems: r.problems, present: Object.keys(raw).length > 0 };
}

/** The origin patterns a managed configuration needs host access for: its sources' and sites'. */
export function managedOrigins(config: ManagedConfig): string[] {
  const out = new Set<string>();
  for (const s of config.sources) out.add(originPattern(s.url));
  for (const s of config.sites) out.add(originPattern(s.origin));
  return [...out];
}
