import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../i18n/translate';

/** The side panel page (also the Firefox sidebar panel). */
export const SIDEPANEL_PATH = 'src/extension/sidepanel/index.html';

interface ChromeSidePanel {
  open(o: { windowId: number }): Promise<void>;
  setOptions(o: { path: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  setPanel(o: { panel: string }): Promise<void>;
}

const chromeSidePanel = (): ChromeSidePanel | undefined =>
  (globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
const firefoxSidebar = (): FirefoxSidebar | undefined =>
  (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

/**
 * Opens the responder: the side panel in Chrome, the sidebar in Firefox, a tab elsewhere. Both
 * panel APIs need the user gesture, so every call is made synchronously inside the click (the
 * window id is looked up beforehand). `declare` opens straight on the Declare form.
 */
export function OpenResponder({ declare = false }: { declare?: boolean }) {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);
  const path = `${SIDEPANEL_PATH}${declare ? '#/declare' : '#/'}`;
  const open = () => {
    const panel = chromeSidePanel();
    const sidebar = firefoxSidebar();
    const url = browser.runtime.getURL(path);
    // A panel that would not open (no gesture left, a policy, a browser without one): a tab.
    const inTab = () =>
      void browser.tabs.create({ url }).then(
        () => window.close(),
        () => undefined,
      );
    if (panel && windowId !== undefined) {
      void panel.setOptions({ path, enabled: true });
      void panel.open({ windowId }).then(() => window.close(), inTab);
    } else if (sidebar) {
      void sidebar.setPanel({ panel: url });
      void sidebar.open().then(() => window.close(), inTab);
    } else inTab();
  };
  return (
    <button type="button" onClick={open}>
      {t(declare ? 'rs_open_declare' : 'rs_open_responder')}
    </button>
  );
}
