// NeDB: an in-memory datastore with a MongoDB-like API. None of the MongoDB rules apply.
const Datastore = require("nedb");
const db = {};
db.users = new Datastore();

// ok: where-operator-deprecated
db.users.find({ $where: function () { return this.age > 18; } });
// ok: regex-case-insensitive
db.users.find({ name: /smith/i });
// ok: skip-deep-pagination
db.users.find({}).skip((page - 1) * perPage).limit(perPage);
// ok: map-reduce-deprecated
db.users.mapReduce(mapFn, reduceFn);
// A Redis client's EVAL (Lua) is not MongoDB's eval.
// ok: eval-command-removed
redis.eval("return 1", 0);
