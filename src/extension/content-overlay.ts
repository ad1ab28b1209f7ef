// Entry point of the overlay module: not injected, imported by the content script's loader
// (content.iife.ts, content/loader.ts) once the page has loaded. Its file name is fixed
// (content/loader.ts OVERLAY_MODULE) and it is web-accessible with the chunks it imports.
export { mountOverlay } from './content/views/mount';
