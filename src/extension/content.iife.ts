// Entry point of the overlay content script: wiring only.
import { mountOverlay } from './content/mount';

mountOverlay();
