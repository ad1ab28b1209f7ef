// Entry point of the options page: wiring only.
import { mountPage } from '../ui/page';
import { OptionsApp } from './app';

mountPage(OptionsApp, 'options_title');
// Ask that the incident history is never evicted under storage pressure. A Chrome service worker
// has no `persist()`, so the background cannot ask for itself there; this page can.
void navigator.storage?.persist?.().catch(() => false);
