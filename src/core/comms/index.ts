/**
 * Communications: editable message templates with named placeholders, the three-element update
 * composer, the support reply, and lints for customer-facing wording.
 */
export {
  DEFAULT_TEMPLATES,
  TEMPLATE_LABELS,
  TEMPLATE_PLACEHOLDERS,
  splitSubject,
  SUPPORT_REPLY_TEMPLATES,
  type TemplateId,
} from './templates';
export {
  renderTemplate,
  validateTemplate,
  type TemplateProblem,
  type TemplateVars,
} from './render';
export {
  findPromises,
  lintMessage,
  lintVerdict,
  type LintVerdict,
  type MessageLintContext,
} from './lint';
export {
  composeUpdate,
  proposeNextUpdate,
  type ComposeContext,
  type ComposeResult,
  type UpdateElement,
  type UpdateInput,
} from './compose';
export {
  buildSupportReply,
  latestPublicUpdate,
  supportReplyVars,
  type SupportReplyContext,
} from './support';
export { toMarkdown, toPlainText } from './copy';
export { lintPublicTitle, PUBLIC_TITLE_MAX, type PublicTitleContext } from './title';
export {
  composeInitial,
  composeResolution,
  postmortemRequired,
  type Composed,
  type InitialInput,
  type MessageContext,
  type ResolutionInput,
} from './messages';
export { customerTimeZone } from './datetime';
