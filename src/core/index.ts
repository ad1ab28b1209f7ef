/**
 * Incident Lens core: pure TypeScript, no DOM, no browser APIs. Time is always passed in.
 * This is the one public entry point; the extension and the widgets import from here
 * (widgets may import a narrower module to keep their bundle small).
 */
export * from './types';
export * from './lint-ids';
export * from './language';
export * from './feed';
export * from './time';
export * from './policy';
export * from './classify';
export * from './obligations';
export * from './comms';
export * from './review';
export * from './triage';
