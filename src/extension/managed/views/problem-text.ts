import { policyProblemText } from '../../i18n/policy-problem';
import { templateProblemText } from '../../i18n/template-problem';
import { t, tOr } from '../../i18n/translate';
import type { ManagedProblem } from '../config';

/** Top-level keys named as the options page's tabs and switches name them. */
const TOP: Record<string, string> = {
  '': 'managed_field_root',
  sources: 'options_sources',
  sites: 'options_sites',
  policy: 'options_policy',
  templates: 'options_templates',
  notifications: 'options_notifications',
  team: 'options_team',
  allowUserSources: 'managed_field_allowUserSources',
  allowUserSites: 'managed_field_allowUserSites',
};

/** A source's and a site's own keys, as the forms' labels say them (short). */
const ITEM_KEYS: Record<string, string> = {
  name: 'source_name',
  url: 'managed_key_url',
  pollSeconds: 'managed_key_pollSeconds',
  format: 'source_format',
  headers: 'managed_key_headers',
  corner: 'managed_key_corner',
};

/** The team keys, as Options → Team labels them. */
const TEAM_KEYS: Record<string, string> = { serverUrl: 'team_url', team: 'team_db' };

/**
 * The field a managed value's path names, in the user's words ("Feed URL of source 2" for
 * `sources[1].url`), or the path as IT wrote it where the options have no word for it (an unknown
 * key: the path is what IT must look for). Indexes count from 1, as people count.
 */
export function managedFieldName(path: string): string {
  if (path in TOP) return t(TOP[path]!);
  let m: RegExpExecArray | null;
  if ((m = /^(sources|sites)\[(\d+)](?:\.(\w+))?(?:\.(.+))?$/.exec(path))) {
    const [, list, i, key, header] = m;
    const n = Number(i) + 1;
    const group = list === 'sources' ? 'source' : 'site';
    if (!key) return t(`managed_field_${group}`, n);
    if (key === 'headers' && header) return t('managed_field_sourceHeader', n, header);
    if (key in ITEM_KEYS) return t(`managed_field_of_${group}`, n, t(ITEM_KEYS[key]!));
  }
  if ((m = /^templates\.(en|de)(?:\.(\w+))?$/.exec(path))) {
    const [, lang, id] = m;
    const language = t(`tpl_lang_${lang}`);
    if (!id) return t('managed_field_templates', language);
    return t('managed_field_template', tOr(id, `tpl_id_${id}`), language);
  }
  if ((m = /^notifications\.mutedSources\[(\d+)]$/.exec(path)))
    return t('managed_field_muted', Number(m[1]) + 1);
  if ((m = /^notifications\.(\w+)$/.exec(path)))
    return t('managed_field_in', t('options_notifications'), tOr(m[1]!, `notif_${m[1]}`));
  if ((m = /^team\.(\w+)$/.exec(path)) && m[1]! in TEAM_KEYS)
    return t('managed_field_in', t('options_team'), t(TEAM_KEYS[m[1]!]!));
  return path;
}

/**
 * One ignored value as a sentence: the field as the user reads it and why it was left out
 * (`managed_why_<reason>`, "“Feed URL of source 2” is not a valid web address (http or https)."),
 * then the rule's own words where it has them.
 */
export function managedProblemText(p: ManagedProblem): string {
  // a refused policy: the problem as Options → Policy words it, and what follows from it
  if (p.policy) return t('managed_policyRefused', policyProblemText(p.policy));
  const why = t(`managed_why_${p.reason}`, managedFieldName(p.path));
  // a refused template: each of its errors as Options → Templates words it
  if (p.template) return [why, ...p.template.map(templateProblemText)].join(' ');
  return p.detail ? `${why} (${p.detail})` : why;
}
