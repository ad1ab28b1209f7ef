import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type Target = 'chrome' | 'firefox';

/**
 * The MV3 manifest, one source for both browsers. Host access is never granted at install:
 * sources and sites are requested one origin at a time (optional_host_permissions).
 */
export function buildManifest(target: Target, version: string): ManifestV3Export {
  const background =
    target === 'firefox'
      ? { scripts: ['src/extension/background.ts'], type: 'module' as const }
      : { service_worker: 'src/extension/background.ts', type: 'module' as const };
  const manifest = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version,
    icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: {
      default_popup: 'src/extension/popup/index.html',
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png' },
    },
    options_ui: { page: 'src/extension/options/index.html', open_in_tab: true },
    background,
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'scripting',
      'unlimitedStorage',
      // The popup reads the active tab's URL for "Show on this site" (no install warning, no host access).
      'activeTab',
      ...(target === 'chrome' ? ['sidePanel'] : []),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: '__MSG_cmdTogglePanel__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(target === 'chrome'
      ? {
          side_panel: { default_path: 'src/extension/sidepanel/index.html' },
          minimum_chrome_version: '116',
        }
      : {
          sidebar_action: {
            default_panel: 'src/extension/sidepanel/index.html',
            default_title: '__MSG_extName__',
            default_icon: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png' },
          },
          browser_specific_settings: {
            gecko: {
              id: 'incident-lens@incident-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }),
  };
  return manifest as unknown as ManifestV3Export;
}
