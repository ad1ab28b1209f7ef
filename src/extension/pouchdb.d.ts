// PouchDB 9 ships no types. The extension and the tests use it through the interface in
// db/pouch.ts; these declarations only let the imports type-check.
declare module 'pouchdb-browser' {
  const PouchDB: {
    new (name: string, opts?: Record<string, unknown>): unknown;
    plugin(p: unknown): unknown;
  };
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: {
    new (name: string, opts?: Record<string, unknown>): unknown;
    plugin(p: unknown): typeof PouchDB;
    defaults(opts: Record<string, unknown>): typeof PouchDB;
  };
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
