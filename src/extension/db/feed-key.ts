/** The key of a feed incident record (its own module: summaries.ts needs it without sources.ts). */
export const feedKey = (sourceId: string, incidentId: string): string =>
  `${sourceId}|${incidentId}`;
