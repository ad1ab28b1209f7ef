/**
 * The part of Chrome's policy schema language managed_schema.json uses (type, properties,
 * additionalProperties, items, enum, minimum, maximum, id/$ref), checked the way Chrome does:
 * a value that breaks it is dropped before the extension sees it. Unknown properties are allowed.
 */
export interface ChromeSchema {
  id?: string;
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

function collectIds(s: ChromeSchema, ids: Map<string, ChromeSchema>): void {
  if (s.id) ids.set(s.id, s);
  for (const p of Object.values(s.properties ?? {})) collectIds(p, ids);
  if (s.items) collectIds(s.items, ids);
  if (s.additionalProperties) collectIds(s.additionalProperties, ids);
}

const TYPES: Record<NonNullable<ChromeSchema['type']>, (v: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  integer: Number.isInteger,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
};

/** Every violation, as `path: what`. */
export function chromeSchemaErrors(schema: ChromeSchema, value: unknown): string[] {
  const ids = new Map<string, ChromeSchema>();
  collectIds(schema, ids);
  const out: string[] = [];
  const walk = (s: ChromeSchema, v: unknown, path: string): void => {
    if (s.$ref) {
      const target = ids.get(s.$ref);
      if (!target) return void out.push(`${path}: unknown $ref ${s.$ref}`);
      return walk(target, v, path);
    }
    if (s.type && !TYPES[s.type](v)) return void out.push(`${path}: not ${s.type}`);
    if (s.enum && !s.enum.includes(v)) out.push(`${path}: not one of the enum`);
    if (typeof v === 'number' && s.minimum !== undefined && v < s.minimum)
      out.push(`${path}: below ${s.minimum}`);
    if (typeof v === 'number' && s.maximum !== undefined && v > s.maximum)
      out.push(`${path}: above ${s.maximum}`);
    if (Array.isArray(v) && s.items) v.forEach((x, i) => walk(s.items!, x, `${path}[${i}]`));
    if (TYPES.object(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const sub = s.properties?.[k] ?? s.additionalProperties;
        if (sub) walk(sub, x, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(schema, value, '');
  return out;
}
