export const DESIGN_DOC: { _id: string; language: string; validate_doc_update: string };
export function securityObject(members?: string[], roles?: string[]): unknown;
