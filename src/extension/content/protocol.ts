import type { Language } from '../../core/language';

/**
 * The overlay's own commands (issue 19): the reply language per ticket, and how long resolved
 * incidents stay. Composed into `Commands` in messaging/commands.ts; the two reply-language ones are
 * content-script commands, each for the asking page's own site only.
 */
export interface OverlayCommands {
  /**
   * The reply language for a ticket on a site: the ticket's own choice, else the site's last
   * choice, else null (the overlay then uses the UI language). `ticket` is the opaque ticket key.
   */
  'overlay/getReplyLanguage': {
    req: { origin: string; ticket?: string };
    res: Language | null;
  };
  /** Remembers the agent's choice for the ticket, and as the site's default for new tickets. */
  'overlay/setReplyLanguage': {
    req: { origin: string; ticket?: string; language: Language };
    res: null;
  };
  /** How long a resolved incident's card stays in the overlay, in minutes (0 to RESOLVED_KEEP_MAX_MINUTES). */
  'overlay/setResolvedKeep': { req: { minutes: number }; res: number };
}
