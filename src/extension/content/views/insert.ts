import { deepActive, deepQuery, pageAdapter } from './page-text';

/** An editable element on the page: a text field, or a rich-text editor's contenteditable root. */
type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', '']);

function isEditable(el: Element | null): el is Editable {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) && !el.readOnly;
  return (el as HTMLElement).isContentEditable === true;
}

/** A helpdesk's editor in a same-origin frame (a classic rich-text editor) is the frame's body. */
function editorIn(el: Element | null): Editable | null {
  if (el?.tagName === 'IFRAME') {
    try {
      const body = (el as HTMLIFrameElement).contentDocument?.body ?? null;
      return isEditable(body) ? body : null;
    } catch {
      return null;
    }
  }
  return isEditable(el) ? el : null;
}

/**
 * Tracks the reply editor the agent last used on the page, and where the caret was in it: the
 * overlay's button takes the focus, so the caret is remembered before it leaves.
 */
export function trackEditor(
  doc: Document,
  signal: AbortSignal,
): { editor(): Editable | null; caret(): Range | null } {
  let last: Editable | null = null;
  let range: Range | null = null;
  const onFocus = () => {
    const el = deepActive(doc);
    if (isEditable(el)) last = el;
  };
  const onSelection = () => {
    const sel = (last?.ownerDocument ?? doc).getSelection();
    if (last && sel && sel.rangeCount > 0 && last.contains(sel.anchorNode))
      range = sel.getRangeAt(0).cloneRange();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('selectionchange', onSelection);
  signal.addEventListener('abort', () => {
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('selectionchange', onSelection);
  });
  return {
    editor: () => (last?.isConnected ? last : null),
    caret: () => range,
  };
}

/** The reply editor: the one the agent last used, else the helpdesk adapter's, else none. */
export function findEditor(doc: Document, lastUsed: Editable | null): Editable | null {
  if (lastUsed?.isConnected) return lastUsed;
  const a = pageAdapter(doc);
  for (const s of a?.editor ?? []) {
    const found = editorIn(deepQuery(doc, s));
    if (found) return found;
  }
  return null;
}

/**
 * Puts `text` into `el` at the caret, as plain text, the way typing would: a text field gets it
 * through setRangeText and an input event; a rich-text editor through the browser's insertText
 * command, which its own input handling sees (so the helpdesk's editor state stays right). The
 * caret `at`, when given and inside the editor, is restored first; else the text goes at the end.
 */
export function insertAtCaret(el: Editable, text: string, at?: Range | null): boolean {
  el.focus();
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
    );
    return true;
  }
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  if (at && el.contains(at.startContainer)) {
    sel.removeAllRanges();
    sel.addRange(at);
  } else if (!(sel.rangeCount > 0 && el.contains(sel.anchorNode))) {
    const r = doc.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    sel.removeAllRanges();
    sel.addRange(r);
  }
  // insertText is deprecated but still the one way to type into any editor as the user would.
  if (doc.execCommand('insertText', false, text)) return true;
  const r = sel.getRangeAt(0);
  r.deleteContents();
  r.insertNode(doc.createTextNode(text));
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
