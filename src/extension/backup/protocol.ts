/** The commands of backups, composed into `Commands` in messaging/commands.ts. */
export interface BackupCommands {
  /** `includeHeaders`: sources' request headers travel too (left out unless asked for). */
  'data/export': { req: { includeHeaders?: boolean } | null; res: { json: string } };
  'data/import': {
    req: { json: string };
    /** `notes`: what the import left out or could not do after the data was replaced (registrations). */
    res:
      { ok: true; counts: Record<string, number>; notes: string[] } | { ok: false; error: string };
  };
}
