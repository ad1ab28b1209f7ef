import type { Catalog } from './catalog';

/** French: loaded on demand (its own chunk) the first time a widget needs it. */
export const fr: Catalog = {
  status: {
    investigating: 'Analyse en cours',
    identified: 'Cause identifiée',
    monitoring: 'Sous surveillance',
    scheduled: 'Planifiée',
    in_progress: 'En cours',
    verifying: 'Vérification',
  },
  page: {
    unknown: 'État inconnu',
    none: 'Tous les systèmes sont opérationnels',
    maintenance: 'Service en maintenance',
    minor: 'Panne mineure',
    major: 'Panne partielle',
    critical: 'Panne majeure',
  },
  component: {
    unknown: 'État inconnu',
    none: 'Opérationnel',
    maintenance: 'En maintenance',
    minor: 'Performances dégradées',
    major: 'Panne partielle',
    critical: 'Panne majeure',
  },
  updated: 'mis à jour {t}',
  starts: 'commence {t}',
  late: 'devait commencer {t}',
  ends: 'se termine à {t}',
  justNow: 'à l’instant',
  asOf: 'au {t}',
  more: 'Plus',
  less: 'Moins',
  others: '+{t} autres',
  dismiss: 'Masquer : {t}',
  link: 'Page d’état',
  activeIncidents: 'Incidents en cours :',
  resolved: 'Résolu',
};
