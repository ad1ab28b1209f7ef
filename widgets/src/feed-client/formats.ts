/**
 * Every feed format besides Statuspage (incident.io, Instatus, Better Stack, OpenStatus, Cachet,
 * Atom, RSS), for the widgets. Loaded the first time a feed is not a plain Statuspage document, so
 * a page on Statuspage never downloads it. In the standalone ES file it is a file of its own next
 * to the bundle (`incident-widgets-formats.js`, with its own copy of the core code it uses); for
 * bundlers, an ordinary dynamic import; in the IIFE file, inside.
 */
import { readFeed, type FormatResult } from '../../../src/core/feed/formats/index';
import { isUsableFeed } from '../../../src/core/feed/usable';

/** A cap problem in words, for the console (rare, so kept out of the widgets' bundle). */
export { describeCap } from '../../../src/core/feed/usable';

/** The feed read in whatever format the core detects; undefined when it is not a usable feed. */
export function readAnyFeed(body: unknown, url: string): FormatResult | undefined {
  const r = readFeed(body, { url });
  return r.format != 'unknown' && isUsableFeed(r) ? r : undefined;
}
