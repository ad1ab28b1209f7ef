import type { Policy } from '../../core/types';

/** The commands of the policy and template editors, composed into `Commands` in messaging/commands.ts. */
export interface PolicyCommands {
  /** Options → Policy: validated by the core, saved as a new version; refused while managed. */
  'settings/setPolicy': { req: { policy: Policy }; res: Policy };
  /** Options → Templates: one template in one language; `text: null` restores the default. */
  'settings/setTemplate': {
    req: { lang: string; id: string; text: string | null };
    res: Record<string, string>;
  };
}
