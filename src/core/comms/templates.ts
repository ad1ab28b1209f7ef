/**
 * Message templates as editable data. Placeholders are named (`{{feature}}`) so a team can reword a
 * template freely, and a typo in a name is caught by `validateTemplate` instead of shipping blank text.
 * The initial and resolution messages follow docs/policy.md; the others follow its principles.
 */
import type { Language } from '../language';

/** Every message the product drafts. */
export type TemplateId =
  'initial' | 'update' | 'resolution' | 'customer_email' | 'exec' | 'banner' | 'support_reply';

/** The default wording. Emails start with a `Subject:` line (see `splitSubject`). */
export const DEFAULT_TEMPLATES: Readonly<Record<TemplateId, string>> = {
  initial:
    'We are aware of an issue affecting {{feature}} and are investigating. {{impact}} We will update every {{cadence}} minutes; the next update will be posted by {{nextUpdateTime}}.',
  update: [
    'Still impacted: {{impacted}}',
    'What we have learned: {{learned}}',
    'Next update: we will post the next update by {{nextUpdateTime}}.',
  ].join('\n'),
  resolution:
    'This incident has been resolved. All {{feature}} functionality has been restored as of {{resolvedTime}}. {{explanation}} {{postmortem}}',
  customer_email: [
    'Subject: Service issue affecting {{feature}}',
    '',
    'Hello {{accountName}} team,',
    '',
    'We want you to hear this from us first: since {{startedTime}} we have been experiencing an issue affecting {{feature}}. {{impact}}',
    '',
    'Our team is working on it now. We post updates every {{cadence}} minutes at {{statusPageUrl}}, and we will write to you again as soon as it is resolved.',
    '',
    'We are sorry for the disruption.',
    '{{company}} Support',
  ].join('\n'),
  exec: [
    'Subject: [SEV-{{severity}}] {{title}}',
    '',
    'What is happening: {{impact}}',
    'Since: {{startedTime}}',
    'Customers affected: {{customersAffected}}',
    'Current status: {{status}}',
    'Incident commander: {{commander}}',
    'Next update: {{nextUpdateTime}}',
  ].join('\n'),
  banner:
    'We are aware of an issue affecting {{feature}}. It is not something on your side, and we are working on it. Updates: {{statusPageUrl}}',
  support_reply: [
    'Hi,',
    '',
    'Thank you for reaching out, and sorry for the trouble. What you are seeing is caused by a known issue on our side ({{incidentName}}), not by anything you did.',
    '',
    'Latest status ({{latestUpdateTime}}): {{latestUpdate}}',
    '',
    'You can follow progress at {{statusPageUrl}}. {{nextUpdate}}',
  ].join('\n'),
};

/**
 * The support reply by language (the customer-facing text a support agent copies): English is
 * the default template; German uses the same placeholders.
 */
export const SUPPORT_REPLY_TEMPLATES: Readonly<Record<Language, string>> = {
  en: DEFAULT_TEMPLATES.support_reply,
  de: [
    'Hallo,',
    '',
    'vielen Dank für Ihre Nachricht, und entschuldigen Sie die Unannehmlichkeiten. Was Sie sehen, liegt an einem bekannten Problem auf unserer Seite ({{incidentName}}), nicht an etwas, das Sie getan haben.',
    '',
    'Aktueller Stand ({{latestUpdateTime}}): {{latestUpdate}}',
    '',
    'Den Fortschritt können Sie auf {{statusPageUrl}} verfolgen. {{nextUpdate}}',
  ].join('\n'),
};

/** The placeholder names each template may use. Not every name has to appear in the text. */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<TemplateId, readonly string[]>> = {
  initial: ['feature', 'cadence', 'impact', 'nextUpdateTime'],
  update: ['impacted', 'learned', 'nextUpdateTime'],
  resolution: ['feature', 'resolvedTime', 'explanation', 'postmortem', 'postmortemHours'],
  customer_email: [
    'accountName',
    'feature',
    'startedTime',
    'impact',
    'cadence',
    'statusPageUrl',
    'company',
  ],
  exec: [
    'severity',
    'title',
    'impact',
    'startedTime',
    'customersAffected',
    'status',
    'commander',
    'nextUpdateTime',
  ],
  banner: ['feature', 'statusPageUrl'],
  support_reply: [
    'incidentName',
    'latestUpdate',
    'latestUpdateTime',
    'status',
    'statusPageUrl',
    'nextUpdate',
    'nextUpdateTime',
  ],
};

/**
 * Placeholders a template must contain, each with the element it carries. The domain requires every
 * update to say what is still impacted, what the team has learned and when the next update comes,
 * so a team may reword the update template but not drop one of the three.
 */
export const REQUIRED_PLACEHOLDERS: Readonly<
  Partial<Record<TemplateId, Readonly<Record<string, string>>>>
> = {
  initial: {
    impact: 'an impact sentence',
    nextUpdateTime: 'a concrete next update time',
  },
  update: {
    impacted: 'what is still impacted',
    learned: 'what the team has learned',
    nextUpdateTime: 'the next update time',
  },
  resolution: { explanation: 'a brief explanation' },
};

/**
 * Placeholders that may be blank: the text is then tidied (no doubled spaces). The post-mortem
 * promise is one sentence that only severities whose policy requires a post-mortem carry.
 */
export const OPTIONAL_PLACEHOLDERS: Readonly<Partial<Record<TemplateId, readonly string[]>>> = {
  resolution: ['postmortem'],
};

/** Human labels for a template picker. */
export const TEMPLATE_LABELS: Readonly<Record<TemplateId, string>> = {
  initial: 'Initial status page post',
  update: 'Status page update',
  resolution: 'Resolution',
  customer_email: 'Proactive enterprise email',
  exec: 'Exec and board notification',
  banner: 'In-app banner',
  support_reply: 'Support reply',
};

/**
 * Splits a rendered email into subject and body. A first line `Subject: …` is the subject; without
 * one the subject is empty, so a team may delete the line and type the subject elsewhere.
 */
export function splitSubject(text: string): { subject: string; body: string } {
  const m = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/.exec(text);
  if (!m) return { subject: '', body: text };
  return { subject: (m[1] ?? '').trim(), body: text.slice(m[0].length) };
}
