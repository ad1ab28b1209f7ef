// The team database's design document: the only server-side code of team mode. CouchDB (and
// express-pouchdb) run `validate_doc_update` on every write, replicated ones included. It refuses
// documents of the wrong shape and any write whose author is not the signed-in user. The shapes are
// those of src/extension/db/shared-docs.ts. Plain ES5: CouchDB's JavaScript engine runs it.

function validate(newDoc, oldDoc, userCtx) {
  if (newDoc._deleted) return;
  if (userCtx.roles.indexOf('_admin') !== -1 && newDoc._id.indexOf('_design/') === 0) return;
  function refuse(why) {
    throw { forbidden: why };
  }
  function isStr(v) {
    return typeof v === 'string';
  }
  var kinds = { incident: 1, event: 1, review: 1, mark: 1, setting: 1 };
  if (!kinds[newDoc.kind]) refuse('Unknown document kind: ' + newDoc.kind);
  if (newDoc._id.indexOf(newDoc.kind + ':') !== 0)
    refuse('The id must start with "' + newDoc.kind + ':".');
  var a = newDoc.author;
  if (!a || !isStr(a.name) || !isStr(a.display))
    refuse('The document needs an author {name, display}.');
  if (a.name !== userCtx.name)
    refuse('The author must be the signed-in user (' + userCtx.name + '), not ' + a.name + '.');
  if (typeof newDoc.at !== 'number') refuse('The document needs a time "at".');
  var r = newDoc.record;
  if (!r || typeof r !== 'object') refuse('The document needs a record.');
  if (newDoc.kind === 'incident') {
    if (!isStr(r.id) || !isStr(r.title) || typeof r.declaredAt !== 'number')
      refuse('An incident needs id, title and declaredAt.');
    if (newDoc._id !== 'incident:' + r.id) refuse('The id must be incident:<record id>.');
    if (!newDoc.createdBy || !isStr(newDoc.createdBy.name)) refuse('An incident needs createdBy.');
  }
  if (newDoc.kind === 'event') {
    if (!isStr(r.id) || !isStr(r.incidentId) || !isStr(r.type) || typeof r.at !== 'number')
      refuse('An event needs id, incidentId, type and at.');
    if (newDoc._id !== 'event:' + r.incidentId + ':' + r.id)
      refuse('The id must be event:<incident>:<event>.');
    // Events are append-only: a later version may change its time (an edit), never what happened.
    if (oldDoc && !oldDoc._deleted && oldDoc.record && oldDoc.record.type !== r.type)
      refuse('An event cannot change its type.');
  }
  if (newDoc.kind === 'review') {
    if (!isStr(r.id) || !isStr(r.incidentId)) refuse('A review needs id and incidentId.');
    // Each action item needs its own id: the extension finds an item by it (a status change, a
    // factor's link, the dashboard's index of items). Keys prefixed, so "__proto__" is an id too.
    var items = r.actionItems;
    var seen = {};
    var name = isStr(r.title) ? r.title : r.id;
    for (var i = 0; items && i < items.length; i++) {
      var id = items[i] && items[i].id;
      if (!isStr(id)) continue;
      var twice = 'two action items with the id "' + id + '"; each needs its own.';
      if (seen['id:' + id]) refuse('The review "' + name + '" has ' + twice);
      seen['id:' + id] = true;
    }
  }
  if (
    newDoc.kind === 'mark' &&
    (!isStr(r.feedUrl) ||
      !isStr(r.incidentId) ||
      !isStr(r.obligationId) ||
      typeof r.at !== 'number')
  )
    refuse('A mark needs feedUrl, incidentId, obligationId and at.');
  if (newDoc.kind === 'setting' && r.key !== 'policy' && r.key !== 'templates')
    refuse('Only policy and templates are shared settings.');
}

export const DESIGN_DOC = {
  _id: '_design/incident-lens',
  language: 'javascript',
  validate_doc_update: validate.toString(),
};

/** Only the listed members (and admins) may read and write the team database. */
export function securityObject(members = [], roles = ['incident-lens']) {
  return { admins: { names: [], roles: [] }, members: { names: members, roles } };
}
