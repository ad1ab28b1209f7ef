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

/**
 * The state a customer reply speaks to (issue 19, "a reply for every state"): each gets its own
 * wording, as "we are investigating" is wrong once the fix is in, and a maintenance is planned.
 */
export type ReplyState =
  'investigating' | 'identified' | 'monitoring' | 'resolved' | 'scheduled' | 'in_progress';

export const REPLY_STATES: readonly ReplyState[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'scheduled',
  'in_progress',
];

const EN_SORRY =
  'Thank you for reaching out, and sorry for the trouble. What you are seeing is caused by a known issue on our side ({{incidentName}}), not by anything you did.';
const EN_LATEST = 'Latest status ({{latestUpdateTime}}): {{latestUpdate}}';
const DE_SORRY =
  'vielen Dank für Ihre Nachricht, und entschuldigen Sie die Unannehmlichkeiten. Was Sie sehen, liegt an einem bekannten Problem auf unserer Seite ({{incidentName}}), nicht an etwas, das Sie getan haben.';
const DE_LATEST = 'Aktueller Stand ({{latestUpdateTime}}): {{latestUpdate}}';

/**
 * The built-in support reply per state and language. Every one links the incident
 * (`{{statusPageUrl}}` is the incident's own link when there is one) and uses only values
 * `supportReplyVars` always fills.
 */
export const SUPPORT_REPLY_BY_STATE: Readonly<Record<Language, Record<ReplyState, string>>> = {
  en: {
    investigating: [
      'Hi,',
      '',
      `${EN_SORRY} Our team has been investigating it since {{startedTime}}.`,
      '',
      EN_LATEST,
      '',
      'You can follow progress at {{statusPageUrl}}. {{nextUpdate}}',
    ].join('\n'),
    identified: [
      'Hi,',
      '',
      `${EN_SORRY} We have found the cause and are working on a fix.`,
      '',
      EN_LATEST,
      '',
      'You can follow progress at {{statusPageUrl}}. {{nextUpdate}}',
    ].join('\n'),
    monitoring: [
      'Hi,',
      '',
      `${EN_SORRY} A fix is in place and we are making sure it holds; things should already be working again for you.`,
      '',
      EN_LATEST,
      '',
      'You can follow progress at {{statusPageUrl}}. If you still see the problem, please reply to this message.',
    ].join('\n'),
    resolved: [
      'Hi,',
      '',
      'Thank you for reaching out. The issue on our side ({{incidentName}}) was resolved at {{resolvedTime}}: everything should work normally again.',
      '',
      'Our last update ({{latestUpdateTime}}): {{latestUpdate}}',
      '',
      'Details are at {{statusPageUrl}}. If you still see a problem, please reply to this message and we will look into it.',
    ].join('\n'),
    scheduled: [
      'Hi,',
      '',
      'Thank you for reaching out. We have planned maintenance ({{incidentName}}) from {{scheduledTime}} until {{scheduledUntil}}. During that window some features may be unavailable or slower than usual.',
      '',
      'Details are at {{statusPageUrl}}.',
    ].join('\n'),
    in_progress: [
      'Hi,',
      '',
      'Thank you for reaching out, and sorry for the trouble. What you are seeing is caused by planned maintenance on our side ({{incidentName}}), not by anything you did. It is in progress and should be finished by {{scheduledUntil}}.',
      '',
      EN_LATEST,
      '',
      'You can follow progress at {{statusPageUrl}}.',
    ].join('\n'),
  },
  de: {
    investigating: [
      'Hallo,',
      '',
      `${DE_SORRY} Unser Team untersucht es seit {{startedTime}}.`,
      '',
      DE_LATEST,
      '',
      'Den Fortschritt können Sie auf {{statusPageUrl}} verfolgen. {{nextUpdate}}',
    ].join('\n'),
    identified: [
      'Hallo,',
      '',
      `${DE_SORRY} Wir haben die Ursache gefunden und arbeiten an der Behebung.`,
      '',
      DE_LATEST,
      '',
      'Den Fortschritt können Sie auf {{statusPageUrl}} verfolgen. {{nextUpdate}}',
    ].join('\n'),
    monitoring: [
      'Hallo,',
      '',
      `${DE_SORRY} Eine Behebung ist eingespielt, und wir beobachten, ob sie hält; bei Ihnen sollte schon wieder alles funktionieren.`,
      '',
      DE_LATEST,
      '',
      'Den Fortschritt können Sie auf {{statusPageUrl}} verfolgen. Falls das Problem bei Ihnen weiterhin auftritt, antworten Sie einfach auf diese Nachricht.',
    ].join('\n'),
    resolved: [
      'Hallo,',
      '',
      'vielen Dank für Ihre Nachricht. Das Problem auf unserer Seite ({{incidentName}}) ist seit {{resolvedTime}} behoben: Alles sollte wieder normal funktionieren.',
      '',
      'Unsere letzte Meldung ({{latestUpdateTime}}): {{latestUpdate}}',
      '',
      'Einzelheiten finden Sie auf {{statusPageUrl}}. Falls Sie weiterhin ein Problem bemerken, antworten Sie einfach auf diese Nachricht, und wir sehen es uns an.',
    ].join('\n'),
    scheduled: [
      'Hallo,',
      '',
      'vielen Dank für Ihre Nachricht. Wir haben eine geplante Wartung ({{incidentName}}) von {{scheduledTime}} bis {{scheduledUntil}}. In diesem Zeitraum sind einzelne Funktionen womöglich nicht oder nur langsamer verfügbar.',
      '',
      'Einzelheiten finden Sie auf {{statusPageUrl}}.',
    ].join('\n'),
    in_progress: [
      'Hallo,',
      '',
      'vielen Dank für Ihre Nachricht, und entschuldigen Sie die Unannehmlichkeiten. Was Sie sehen, liegt an einer geplanten Wartung auf unserer Seite ({{incidentName}}), nicht an etwas, das Sie getan haben. Sie läuft gerade und soll bis {{scheduledUntil}} abgeschlossen sein.',
      '',
      DE_LATEST,
      '',
      'Den Fortschritt können Sie auf {{statusPageUrl}} verfolgen.',
    ].join('\n'),
  },
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
    'incidentUrl',
    'startedTime',
    'resolvedTime',
    'scheduledTime',
    'scheduledUntil',
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
