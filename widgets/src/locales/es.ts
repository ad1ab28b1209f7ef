import type { Catalog } from './catalog';

/** Spanish: loaded on demand (its own chunk) the first time a widget needs it. */
export const es: Catalog = {
  status: {
    investigating: 'Investigando',
    identified: 'Identificado',
    monitoring: 'En observación',
    scheduled: 'Programado',
    in_progress: 'En curso',
    verifying: 'Verificando',
  },
  page: {
    unknown: 'Estado desconocido',
    none: 'Todos los sistemas operativos',
    maintenance: 'Servicio en mantenimiento',
    minor: 'Interrupción menor',
    major: 'Interrupción parcial',
    critical: 'Interrupción grave',
  },
  component: {
    unknown: 'Estado desconocido',
    none: 'Operativo',
    maintenance: 'En mantenimiento',
    minor: 'Rendimiento degradado',
    major: 'Interrupción parcial',
    critical: 'Interrupción grave',
  },
  updated: 'actualizado {t}',
  starts: 'empieza {t}',
  late: 'debía empezar {t}',
  ends: 'termina a las {t}',
  justNow: 'ahora mismo',
  asOf: 'a las {t}',
  more: 'Más',
  less: 'Menos',
  others: '+{t} más',
  dismiss: 'Cerrar: {t}',
  link: 'Página de estado',
  activeIncidents: 'Incidentes activos:',
  resolved: 'Resuelto',
};
