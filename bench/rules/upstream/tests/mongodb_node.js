// Cases of the mongodb-node rules in the benchmark pack, from rules/mongodb-node/tests/.
const mongodb = require("mongodb");
const { MongoClient, ObjectId } = require("mongodb");
const mongoose = require("mongoose");
const knex = require("knex")({ client: "pg" });
const _ = require("lodash");

async function legacyCrud(db, users, doc) {
  // expect: mongodb-node--collection-ensure-index-removed
  await users.ensureIndex({ email: 1 }, { unique: true });
  // expect: mongodb-node--collection-ensure-index-removed
  await db.ensureIndex("users", { createdAt: -1 });
  // ok: mongodb-node--collection-ensure-index-removed
  await users.createIndex({ email: 1 }, { unique: true });
  // NeDB's ensureIndex takes { fieldName }.
  // ok: mongodb-node--collection-ensure-index-removed
  datastore.ensureIndex({ fieldName: "email", unique: true });

  // expect: mongodb-node--collection-insert-removed
  await users.insert({ name: "spot" });
  // expect: mongodb-node--collection-insert-removed
  db.collection("pets").insert({ name: "luna" }, { w: 1 });
  // ok: mongodb-node--collection-insert-removed
  await users.insertOne({ name: "spot" });
  // ok: mongodb-node--collection-insert-removed
  await knex("users").insert({ name: "ada" });
  // ok: mongodb-node--collection-insert-removed
  const list = List([1, 2]).insert(1, 5);

  // expect: mongodb-node--collection-remove-removed
  await users.remove({ status: "expired" });
  // expect: mongodb-node--collection-remove-removed
  await db.collection("sessions").remove({ expiresAt: { $lt: new Date() } }, { w: 1 });
  // ok: mongodb-node--collection-remove-removed
  await users.deleteMany({ status: "expired" });
  // ok: mongodb-node--collection-remove-removed
  await Session.remove({ expired: true });
  // ok: mongodb-node--collection-remove-removed
  el.classList.remove("active");
  // ok: mongodb-node--collection-remove-removed
  _.remove(list, (n) => n % 2 === 0);
  // ok: mongodb-node--collection-remove-removed
  await fs.remove("/tmp/cache");
  // ok: mongodb-node--collection-remove-removed
  $(".row").remove({ keep: true });
}

// expect: mongodb-node--objectid-alias-removed
const legacyId = new mongodb.ObjectID(req.params.id);
// ok: mongodb-node--objectid-alias-removed
const id = new ObjectId(req.params.id);

// expect: mongodb-node--legacy-topology-options
const c1 = new MongoClient(url, { useNewUrlParser: true, maxPoolSize: 10 });
// expect: mongodb-node--legacy-topology-options
const options = {
  useUnifiedTopology: true,
  serverSelectionTimeoutMS: 5000,
};
// ok: mongodb-node--legacy-topology-options
const c2 = new MongoClient(url, { maxPoolSize: 10 });
// Mongoose's own connect options are another rule's business.
// ok: mongodb-node--legacy-topology-options
mongoose.connect(process.env.MONGODB_URI, { useNewUrlParser: true });

// --- Mongoose documents and models ---
async function mongooseModels(user, User, Account, list, element, el) {
  // expect: mongodb-node--document-remove-removed
  await user.remove();
  // ok: mongodb-node--document-remove-removed
  await user.deleteOne();
  // ok: mongodb-node--document-remove-removed
  user.tags.remove("old");
  // ok: mongodb-node--document-remove-removed
  element.remove();
  // ok: mongodb-node--document-remove-removed
  el.remove();

  // expect: mongodb-node--model-count-removed
  const n = await User.count({ plan: "pro" });
  // expect: mongodb-node--model-count-removed
  const m = await User.find({ plan: "pro" }).count();
  // ok: mongodb-node--model-count-removed
  const k = await User.countDocuments({ plan: "pro" });
  // Sequelize: count({ where }).
  // ok: mongodb-node--model-count-removed
  const s = await Account.count({ where: { plan: "pro" } });
  // ok: mongodb-node--model-count-removed
  const c = list.count();
}
