import { unsafeCSS } from 'lit';
// (a CSS file the build minifies, as a string; trusted: it is ours, not the feed's)
import css from './status-badge.css?inline';

export const styles = unsafeCSS(css);
