/**
 * The one way a browser test waits: poll a condition until it holds, or fail after a deadline with
 * a message naming what never happened. Tests never sleep a fixed time before asserting
 * (docs/style.md); a negative check lets the system settle on a positive condition first.
 */

export interface WaitOptions {
  /** How long to keep trying, in ms. */
  timeout?: number;
  /** Pause between two checks, in ms. */
  every?: number;
}

/**
 * Resolves once `check` returns true; throws `Timed out after N ms waiting for <what>` otherwise.
 * `what` says the awaited state in words ("the pill", "the resumed poll to be stored").
 */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: WaitOptions | number = {},
): Promise<void> {
  const { timeout = 15_000, every = 150 } =
    typeof options === 'number' ? { timeout: options } : options;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await pause(every);
  }
}

/**
 * Like `until`, for a value: resolves with the first value `read` returns that `ready` accepts;
 * on timeout the error also shows the last value read.
 */
export async function untilValue<T>(
  what: string,
  read: () => T | Promise<T>,
  ready: (value: T) => boolean,
  options: WaitOptions | number = {},
): Promise<T> {
  let last: T | undefined;
  try {
    await until(
      what,
      async () => {
        last = await read();
        return ready(last);
      },
      options,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message} (last: ${JSON.stringify(last)?.slice(0, 300)})`, {
      cause: e,
    });
  }
  return last as T;
}

/** The interval between two checks (never a wait before an assertion). */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
