export function setupTeamDb(url: string, db: string, members?: string[]): Promise<void>;
export function createUser(
  url: string,
  name: string,
  password: string,
  roles?: string[],
): Promise<void>;
