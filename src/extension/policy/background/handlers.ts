import { validatePolicy } from '../../../core/policy';
import { TEMPLATE_MAX_CHARS, validateTemplate } from '../../../core/comms/render';
import { templateRefusal } from '../../i18n/template-problem';
import { policyRefusal } from '../../i18n/policy-problem';
import { t } from '../../i18n/translate';
import { DEFAULT_TEMPLATES, type TemplateId } from '../../../core/comms/templates';
import { getSetting, setSetting } from '../../db/settings';
import { HOLDING_LINE } from '../../messaging/overlay-state';
import type { Handlers } from '../../messaging/channel';
import type { Deps } from '../../background/deps';
import { text } from '../../../core/validate';
import { payload } from '../../background/input';
import { currentManaged } from '../../managed/background/sync';
import { LANGUAGES } from '../../managed/config';
import { templateKey } from '../../managed/templates';

import type { PolicyCommands } from '../protocol';

/**
 * The policy and template editors' writes. Each is checked by the core again (a view is not
 * trusted to have validated), and refused while the organisation's managed configuration sets it.
 * Types in policy/protocol.ts; the router recomputes after a policy change, as after every write.
 */
export function policyHandlers(deps: Deps): Pick<Handlers, keyof PolicyCommands> {
  return {
    async 'settings/setPolicy'(p) {
      payload(p);
      // Refusals in the user's language, as Options → Policy words them (its locked notice, its
      // problems at each field), not the core's paths and English.
      if ((await currentManaged(deps)).config.policy) throw new Error(t('policy_locked'));
      const { policy, problems } = validatePolicy(p.policy);
      if (!policy || problems.length > 0) throw new Error(policyRefusal(problems, p.policy));
      const db = await deps.db();
      const current = await getSetting(db, 'policy');
      // A new version each save: an incident shows which policy (name, version) it runs on.
      const saved = { ...policy, version: Math.max(current.version, policy.version) + 1 };
      await setSetting(db, 'policy', saved);
      return saved;
    },
    async 'settings/setTemplate'(p) {
      payload(p);
      const lang = text(p.lang, 'The language', 10);
      const id = text(p.id, 'The template', 50);
      if (!LANGUAGES.includes(lang as 'en')) throw new Error(`Unknown language "${lang}".`);
      // The holding line (team mode) is plain text, not a message template: no placeholders. One
      // per language, kept like the templates (English under its id, German as de:holding_line).
      const holding = id === HOLDING_LINE;
      if (!(id in DEFAULT_TEMPLATES) && !holding) throw new Error(`Unknown template "${id}".`);
      const managed = (await currentManaged(deps)).config.templates;
      if (managed[lang as 'en']?.[id as TemplateId] !== undefined) throw new Error(t('tpl_locked'));
      const db = await deps.db();
      const templates = { ...(await getSetting(db, 'templates')) };
      const key = templateKey(id, lang);
      if (p.text === null) {
        // Back to the default wording.
        delete templates[key];
      } else {
        // A template's length is one of validateTemplate's problems (worded like the others).
        const body = text(p.text, 'The template', holding ? TEMPLATE_MAX_CHARS : Infinity);
        const errors = holding
          ? []
          : validateTemplate(id as TemplateId, body).filter((x) => x.level === 'error');
        // The editor checks first, so this shows only in a race (or from an outdated page): in the
        // user's language, worded as the editor's own refusal, not the core's English with the id.
        if (errors.length > 0) throw new Error(templateRefusal(errors));
        templates[key] = body;
      }
      await setSetting(db, 'templates', templates);
      return templates;
    },
  };
}
