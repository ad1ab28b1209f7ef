import { defineOnce } from '../element';
import { IncidentBanner } from './incident-banner';

defineOnce('incident-banner', IncidentBanner);

export { IncidentBanner };
