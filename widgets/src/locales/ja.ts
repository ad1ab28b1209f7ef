import type { Catalog } from './catalog';

/** Japanese: loaded on demand (its own chunk) the first time a widget needs it. */
export const ja: Catalog = {
  status: {
    investigating: '調査中',
    identified: '原因特定済み',
    monitoring: '経過観察中',
    scheduled: '予定',
    in_progress: '実施中',
    verifying: '確認中',
  },
  page: {
    unknown: '状態不明',
    none: 'すべてのシステムが正常に稼働中',
    maintenance: 'メンテナンス中',
    minor: '軽度の障害',
    major: '一部のシステム障害',
    critical: '大規模なシステム障害',
  },
  component: {
    unknown: '状態不明',
    none: '正常',
    maintenance: 'メンテナンス中',
    minor: 'パフォーマンス低下',
    major: '一部停止',
    critical: '大規模停止',
  },
  updated: '{t}に更新',
  starts: '{t}に開始',
  late: '{t}に開始予定でした',
  ends: '{t}に終了予定',
  justNow: 'たった今',
  asOf: '{t}時点',
  more: 'もっと見る',
  less: '閉じる',
  others: '他{t}件',
  dismiss: '閉じる: {t}',
  link: 'ステータスページ',
  activeIncidents: '発生中のインシデント:',
  resolved: '解決済み',
};
