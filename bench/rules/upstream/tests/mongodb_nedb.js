// NeDB: an in-memory datastore with a MongoDB-like API. The mongodb rules don't apply.
const Datastore = require("nedb");
const db = {};
db.users = new Datastore();

// ok: mongodb--where-operator-deprecated
db.users.find({ $where: function () { return this.age > 18; } });
// ok: mongodb--map-reduce-deprecated
db.users.mapReduce(mapFn, reduceFn);
