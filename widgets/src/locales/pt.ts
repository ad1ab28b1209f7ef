import type { Catalog } from './catalog';

/** Portuguese (Brazil), also serving other `pt` tags: loaded on demand (its own chunk). */
export const pt: Catalog = {
  status: {
    investigating: 'Investigando',
    identified: 'Identificado',
    monitoring: 'Monitorando',
    scheduled: 'Agendada',
    in_progress: 'Em andamento',
    verifying: 'Verificando',
  },
  page: {
    unknown: 'Status desconhecido',
    none: 'Todos os sistemas operacionais',
    maintenance: 'Serviço em manutenção',
    minor: 'Interrupção menor',
    major: 'Interrupção parcial',
    critical: 'Interrupção grave',
  },
  component: {
    unknown: 'Status desconhecido',
    none: 'Operacional',
    maintenance: 'Em manutenção',
    minor: 'Desempenho reduzido',
    major: 'Interrupção parcial',
    critical: 'Interrupção grave',
  },
  updated: 'atualizado {t}',
  starts: 'começa {t}',
  late: 'deveria ter começado {t}',
  ends: 'termina às {t}',
  justNow: 'agora mesmo',
  asOf: 'às {t}',
  more: 'Mais',
  less: 'Menos',
  others: '+{t} outros',
  dismiss: 'Fechar: {t}',
  link: 'Página de status',
  activeIncidents: 'Incidentes ativos:',
  resolved: 'Resolvido',
};
