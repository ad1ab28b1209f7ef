import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads inside the overlay's CLOSED shadow root through CDP, as docs/toolchain.md describes:
 * `DOM.getDocument({ pierce: true })` includes closed roots, which no page script or Playwright
 * locator can reach. No test hook exists in the product for this.
 */
export interface ClosedRoot {
  /** Whether `selector` matches inside the overlay's root right now. */
  exists(selector: string): Promise<boolean>;
  /** `innerText` of the first match ('' when absent). */
  text(selector: string): Promise<string>;
  /** Runs `fn` on the first match in the page's main world and returns its JSON result. */
  call<T>(selector: string, fn: string): Promise<T | null>;
  /** Border-box centre and size of the first match, in CSS pixels. */
  box(selector: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** A real mouse click at the centre of the first match. */
  click(selector: string): Promise<void>;
  /** The root's markup and its adopted stylesheet text (for the axe snapshot). */
  snapshot(): Promise<{ html: string; css: string }>;
}

interface Node {
  nodeId: number;
  nodeName: string;
  /** name, value, name, value… */
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

function findHost(n: Node): Node | undefined {
  // The host is a plain <div data-incident-lens> (a built-in element no page can redefine).
  if (n.nodeName === 'DIV' && n.attributes?.includes('data-incident-lens')) return n;
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const f = findHost(c);
    if (f) return f;
  }
  return undefined;
}

/** Opens a CDP session on `page` for reading the overlay's closed root. */
export async function closedRoot(page: Page): Promise<ClosedRoot> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  // Node ids are only valid for one document snapshot, so every query takes a fresh one.
  const rootId = async (): Promise<number | null> => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: Node;
    };
    return findHost(root)?.shadowRoots?.[0]?.nodeId ?? null;
  };
  const query = async (selector: string): Promise<number | null> => {
    const id = await rootId();
    if (id === null) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: id, selector });
    return nodeId || null;
  };
  const callOn = async <T>(nodeId: number, fn: string): Promise<T> => {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as {
      object: { objectId: string };
    };
    const r = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T } };
    return r.result.value;
  };
  const box: ClosedRoot['box'] = async (selector) => {
    const id = await query(selector);
    if (id === null) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: id })) as {
      model: { border: number[]; width: number; height: number };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2, width: model.width, height: model.height };
  };
  return {
    exists: async (selector) => (await query(selector)) !== null,
    async text(selector) {
      const id = await query(selector);
      return id === null ? '' : callOn<string>(id, 'function () { return this.innerText; }');
    },
    async call<T>(selector: string, fn: string) {
      const id = await query(selector);
      return id === null ? null : callOn<T>(id, fn);
    },
    box,
    async click(selector) {
      const b = await box(selector);
      if (!b) throw new Error(`nothing matches ${selector} in the overlay`);
      await page.mouse.click(b.x, b.y);
    },
    async snapshot() {
      const id = await rootId();
      if (id === null) throw new Error('no overlay root');
      return callOn<{ html: string; css: string }>(
        id,
        `function () {
          const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n');
          return { html: this.innerHTML, css };
        }`,
      );
    },
  };
}
