import { isObj } from '../../core/validate';
import browser, { type Runtime } from 'webextension-polyfill';
import {
  CONTENT_SCRIPT_COMMANDS,
  UNCOUNTED_CONTENT_COMMANDS,
  type Command,
  type Envelope,
  type Reply,
  type Req,
  type Res,
} from './commands';
import {
  CONTENT_COMMANDS_PER_MINUTE,
  memoryStore,
  rateLimiter,
  type RateLimitStore,
  type RateLimiter,
} from './rate-limit';

/**
 * The one typed sender (docs/style.md #3). Resolves with the handler's value; rejects with
 * `Error(message)` when the background replied `{ok:false}` or did not reply at all.
 */
export async function send<K extends Command>(cmd: K, payload: Req<K>): Promise<Res<K>> {
  const envelope: Envelope<K> = { cmd, payload };
  const reply = await browser.runtime.sendMessage<Envelope<K>, Reply<K> | undefined>(envelope);
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
    throw new Error(`No reply to "${cmd}" from the background.`);
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Who sent a message, as the handlers see it. */
export type Sender = Runtime.MessageSender;

/** One handler per command: the background registers exactly one such object. */
export type Handlers = {
  [K in Command]: (payload: Req<K>, sender: Sender) => Promise<Res<K>>;
};

/** The parts of `runtime` the receiver needs (injectable for tests). */
export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(cb: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void;
  };
}

/** True for `{cmd, payload}` whose cmd is a known command. */
export function isEnvelope(message: unknown, handlers: Handlers): message is Envelope {
  if (!isObj(message)) return false;
  return (
    typeof message.cmd === 'string' && Object.hasOwn(handlers, message.cmd) && 'payload' in message
  );
}

/** Where the content-command windows outlive a worker stop: `storage.session`, which content
 * scripts cannot read (its default access level is trusted contexts only). */
const RATE_KEY = 'rateLimit/content';
function sessionStore(): RateLimitStore {
  const session = (browser.storage as { session?: typeof browser.storage.local } | undefined)
    ?.session;
  if (!session) return memoryStore();
  return {
    load: async () => (await session.get(RATE_KEY))[RATE_KEY] as never,
    save: (w) => session.set({ [RATE_KEY]: w }),
  };
}

/** The limit on content-script commands, per page origin, across worker restarts. */
let contentLimit: RateLimiter | undefined;
const defaultLimit = (): RateLimiter =>
  (contentLimit ??= rateLimiter(CONTENT_COMMANDS_PER_MINUTE, 60_000, sessionStore()));

function senderOrigin(sender: Sender): string {
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return `tab:${sender.tab?.id ?? '?'}`;
  }
}

/**
 * Checks the sender and runs the handler; errors travel back as `{ok:false, error}`.
 * Extension pages may send any command; content scripts only CONTENT_SCRIPT_COMMANDS, at most
 * CONTENT_COMMANDS_PER_MINUTE per page origin.
 */
export async function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: Sender,
  runtime: Pick<RuntimeLike, 'id' | 'getURL'>,
  limit: RateLimiter = defaultLimit(),
  now: number = Date.now(),
): Promise<Reply> {
  if (sender.id !== runtime.id)
    return { ok: false, error: 'Refused: the sender is not this extension.' };
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL(''));
  if (!fromPage && !CONTENT_SCRIPT_COMMANDS.includes(message.cmd)) {
    return { ok: false, error: `Refused: a content script may not send "${message.cmd}".` };
  }
  // A compromised page can send its allowed commands in a loop: they are limited per origin.
  const counted = !fromPage && !UNCOUNTED_CONTENT_COMMANDS.includes(message.cmd);
  if (counted && !(await limit.take(senderOrigin(sender), now))) {
    return {
      ok: false,
      error: 'Refused: too many requests from this page; try again in a minute.',
    };
  }
  try {
    const handler = handlers[message.cmd] as (p: unknown, s: Sender) => Promise<unknown>;
    const value = await handler(message.payload, sender);
    return { ok: true, value } as Reply;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Registers the one runtime.onMessage listener. Messages that are not envelopes are left to other
 * listeners (no reply); envelopes always get a reply.
 */
export function handleMessages(handlers: Handlers, runtime: RuntimeLike = browser.runtime): void {
  runtime.onMessage.addListener((message, sender) => {
    if (!isEnvelope(message, handlers)) {
      if (isObj(message) && typeof message.cmd === 'string') {
        return Promise.resolve({ ok: false, error: `Unknown command "${message.cmd}".` });
      }
      return undefined;
    }
    return dispatch(handlers, message, sender, runtime);
  });
}
