/// <reference types="@crxjs/vite-plugin/client" />

interface ImportMetaEnv {
  /** The browser the build is for (vite.config.ts `define`); unset in unit tests (Chrome). */
  readonly LENS_TARGET?: 'chrome' | 'firefox';
}
