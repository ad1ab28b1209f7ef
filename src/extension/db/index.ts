/** The extension database: schema, migrations, typed repositories, backup. */
export * from './schema';
export { MIGRATIONS, runMigrations, type Migration } from './migrations';
export { openLensDB, type LensDatabase } from './open';
export * from './settings';
export * from './sources';
export * from './sites';
export * from './incidents';
export * from './drafts';
export * from './marks';
export * from './secrets';
export {
  exportAll,
  importAll,
  validateBackup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  REDACTED,
  STORES,
} from './backup';
