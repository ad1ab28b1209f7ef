import type { Page } from 'playwright-core';

/**
 * Runs `expression` inside the overlay content script's isolated world on `page`, through CDP:
 * what a compromised renderer could do with the content script's `chrome.runtime`. The world is
 * found by its execution context (type "isolated", origin the extension's).
 */
export async function inContentScript<T>(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) =>
    contexts.push(e.context),
  );
  await cdp.send('Runtime.enable'); // replays the existing contexts as events
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId),
  );
  if (!world) throw new Error('no content-script world on this page');
  const r = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value;
}
