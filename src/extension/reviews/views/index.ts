/**
 * Post-incident reviews in the extension: mount `ReviewsSection` under "Reviews" in the options
 * page, and `ReviewBuilder` for one resolved incident (e.g. in the side panel).
 */
export { ReviewsSection, initialView, type ReviewsView } from './section';
export { ReviewBuilder, type ReviewBuilderProps } from './builder';
export type { ReviewCommands } from '../protocol';
