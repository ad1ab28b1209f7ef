// Entry point of the service worker (Chrome) / event page (Firefox): wiring only.
import { startBackground } from './background/index';

startBackground();
