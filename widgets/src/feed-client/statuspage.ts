/**
 * The Statuspage parser, loaded on demand: by the feed client (with its chunk, after the first
 * paint, which renders the kept feed, already parsed) and by `data` pushed as Statuspage JSON
 * (a normalised Feed needs no parser). In the standalone ES file it is a file of its own next to
 * the bundle (`incident-widgets-statuspage.js`, with its own copy of the core code it uses); for
 * bundlers, an ordinary dynamic import; in the IIFE file, inside.
 */
export { parseSummary } from '../../../src/core/feed/summary';
