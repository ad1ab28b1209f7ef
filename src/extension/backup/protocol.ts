/** The commands of backups, composed into `Commands` in messaging/commands.ts. */
export interface BackupCommands {
  'data/export': { req: null; res: { json: string } };
  'data/import': {
    req: { json: string };
    res: { ok: true; counts: Record<string, number> } | { ok: false; error: string };
  };
}
