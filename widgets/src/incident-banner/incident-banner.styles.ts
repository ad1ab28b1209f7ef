import { unsafeCSS } from 'lit';
// (a CSS file the build minifies, as a string; trusted: it is ours, not the feed's)
import css from './incident-banner.css?inline';

export const styles = unsafeCSS(css);
