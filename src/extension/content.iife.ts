// Entry point of the overlay content script: wiring only.
import { mountOverlay } from './content/views/mount';
import { whenPageSettled } from './content/views/settled';

// Mount after the page's own load and first idle moment, so the overlay never delays it.
whenPageSettled(() => mountOverlay());
