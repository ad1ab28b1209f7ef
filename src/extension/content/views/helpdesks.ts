/**
 * Where each helpdesk keeps the open ticket: its subject, the customer's messages, and the reply
 * editor. Selectors follow each product's public markup as open-source integrations read it (the
 * sources are listed in tests/fixtures/helpdesks/SOURCES.md, beside the saved page structures the
 * e2e tests run against). A helpdesk that changes its markup falls back to the generic reader
 * (page-text.ts), which still reads the main heading and the text around it, never the whole page.
 */
export interface HelpdeskAdapter {
  id: string;
  /** The helpdesk's product name, shown nowhere: for logs and tests. */
  name: string;
  /** Host names the helpdesk serves its agent UI on. */
  host: RegExp;
  /** The open ticket's subject (an element's text, or an input's value); first match wins. */
  subject: readonly string[];
  /** The conversation's messages; the LAST match is the latest. Customer messages first if known. */
  messages: readonly string[];
  /** The reply editor: a textarea or a contenteditable element, first match wins. */
  editor: readonly string[];
}

export const ADAPTERS: readonly HelpdeskAdapter[] = [
  {
    id: 'zendesk',
    name: 'Zendesk agent workspace',
    host: /(^|\.)zendesk\.com$/,
    subject: ['input[data-test-id="omni-header-subject"]', 'input[aria-label="Subject"]'],
    messages: [
      '[data-test-id="omni-log-comment-item"]:not([data-is-agent="true"]) [data-test-id="omni-log-message-content"]',
      '[data-test-id="omni-log-message-content"]',
    ],
    editor: [
      '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
      '.ck-editor__editable[contenteditable="true"]',
    ],
  },
  {
    id: 'freshdesk',
    name: 'Freshdesk',
    host: /(^|\.)freshdesk\.com$/,
    subject: ['.ticket-subject-heading', 'h2.subject'],
    messages: ['.incoming-msg .thread-message', '.conversation .thread-message'],
    editor: ['.fr-element.fr-view[contenteditable="true"]', '.reply-box textarea'],
  },
  {
    id: 'intercom',
    name: 'Intercom inbox',
    host: /(^|\.)intercom\.com$/,
    subject: [
      '[data-intercom-target="conversation-card-header"] .conversation__card__title__text input',
      '[data-intercom-target="conversation-card-header"] .conversation__card__title__text',
    ],
    messages: ['[data-conversation-part-type="comment"]:not(.o__admin) .o__conversation-part-body'],
    editor: [
      '.composer .ProseMirror[contenteditable="true"]',
      '.ProseMirror[contenteditable="true"]',
    ],
  },
  {
    id: 'helpscout',
    name: 'Help Scout',
    host: /(^|\.)helpscout\.net$/,
    subject: ['[data-cy="EditableTextarea"]'],
    messages: ['[data-cy="ThreadItem-customer"] [data-cy="ThreadBody"]', '[data-cy="ThreadBody"]'],
    editor: ['[data-cy="ReplyEditor"] [contenteditable="true"]', '.redactor-editor'],
  },
  {
    id: 'front',
    name: 'Front',
    host: /(^|\.)frontapp\.com$|(^|\.)front\.com$/,
    subject: [
      '[class*="conversationHeader__StyledSubject"]',
      '[data-testid="conversation-subject"]',
    ],
    messages: ['[class*="messageViewer__StyledBody"]', '[data-testid="message-body"]'],
    editor: ['[class*="composer"] [contenteditable="true"]', '[data-testid="composer-editor"]'],
  },
  {
    id: 'salesforce',
    name: 'Salesforce Service Console',
    host: /(^|\.)lightning\.force\.com$|(^|\.)my\.salesforce\.com$/,
    subject: [
      '.slds-page-header__title lightning-formatted-text',
      '.slds-page-header__title .uiOutputText',
    ],
    messages: ['.emailMessageBody', '.cuf-feedBodyText'],
    // The email composer is a rich-text editor in a same-origin iframe.
    editor: ['iframe.cke_wysiwyg_frame', 'textarea.slds-textarea'],
  },
];

/** The adapter for `hostname`, or undefined (the generic reader then applies). */
export function adapterFor(hostname: string): HelpdeskAdapter | undefined {
  return ADAPTERS.find((a) => a.host.test(hostname));
}
