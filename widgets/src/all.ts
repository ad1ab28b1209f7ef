/**
 * The self-contained files (widgets/dist/standalone/incident-widgets.js and .iife.js): Lit included, both tags
 * registered. The build wraps it so that importing it outside a browser runs nothing.
 */
import './define';
