export interface TeamServer {
  readonly url: string;
  adminUrl(): string;
  db: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}
export function startTeamServer(opts?: {
  port?: number;
  db?: string;
  users?: [string, string][];
  admin?: [string, string];
}): Promise<TeamServer>;
