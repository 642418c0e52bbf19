// Legacy MongoDB Node.js driver code (3.x style) and its modern equivalents.
const mongodb = require("mongodb");
const { MongoClient, ObjectId } = require("mongodb");
const { Client } = require("pg");
const knex = require("knex")({ client: "pg" });
const _ = require("lodash");

// Receivers are known from where they come from (types.yaml): `client` is a MongoClient
// (below), `client.db()` a Db, `db.collection()` a Collection.
async function legacyCrud() {
  const db = client.db("app");
  const users = db.collection("users");

  // --- driver 4.0 removals ---
  const usersCollection = db.collection("users");
  // expect: collection-save-removed
  await usersCollection.save({ _id: 1, name: "ada" });
  // expect: collection-save-removed
  db.collection("users").save(doc);
  // ok: collection-save-removed
  await users.replaceOne({ _id: doc._id }, doc, { upsert: true });

  // expect: collection-ensure-index-removed
  await users.createIndex({ email: 1 }, { unique: true });
  // expect: collection-ensure-index-removed
  await db.createIndex("users", { createdAt: -1 });
  // ok: collection-ensure-index-removed
  await users.createIndex({ email: 1 }, { unique: true });

  // expect: collection-find-and-modify-removed
  await users.findAndModify({ _id: 1 }, [["_id", 1]], { $inc: { n: 1 } }, { new: true });
  // ok: collection-find-and-modify-removed
  await users.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: "after" });

  // expect: collection-find-and-remove-removed
  await users.findAndRemove({ status: "done" }, [["_id", 1]]);
  // ok: collection-find-and-remove-removed
  await users.findOneAndDelete({ status: "done" }, { sort: { _id: 1 } });

  // expect: cursor-each-removed
  users.find({ active: true }).each((err, doc) => {
    if (doc) console.log(doc);
  });
  // expect: cursor-each-removed
  users.find().sort({ name: 1 }).each(function (error, item) {});
  // ok: cursor-each-removed
  for await (const doc of users.find({ active: true })) console.log(doc);

  // expect: find-fields-option-removed
  await users.findOne({ _id: 1 }, { projection: { passwordHash: 0 } });
  // expect: find-fields-option-removed
  const cursor = users.find({}, { projection: { name: 1 }, limit: 10 });
  // ok: find-fields-option-removed
  await users.findOne({ _id: 1 }, { projection: { passwordHash: 0 } });
  // A document field called `fields`, inside the filter.
  // ok: find-fields-option-removed
  await users.find({ fields: { $exists: true } }).toArray();

  // --- driver 5.0 removals ---
  // expect: collection-insert-removed
  await users.insertOne({ name: "spot" });
  // expect: collection-insert-removed
  db.collection("pets").insertOne({ name: "luna" }, { w: 1 });
  // expect: collection-insert-many-removed
  await users.insertMany([{ name: "fido" }, { name: "luna" }]);
  // ok: collection-insert-removed, collection-insert-many-removed
  await users.insertOne({ name: "spot" });
  // Laid out over several lines, as Prettier writes long calls.
  // expect: collection-insert-removed
  await users.insertOne(
    { name: "rex", owner: "ada", tags: ["good", "dog"], adopted: new Date() },
    { writeConcern: { w: "majority" } },
  );
  // expect: collection-insert-many-removed
  await users.insertMany(
    [{ name: "fido" }, { name: "luna" }],
  );
  // The documents in a variable: which of insertOne and insertMany fits depends on them.
  // expect: collection-insert-value-removed
  await users.insert(pets, { w: 1 });
  // expect: collection-insert-value-removed
  await users.insert(makeDocuments(10));
  // ok: collection-insert-value-removed
  await users.insertMany(pets);
  // An array's or a string's `insert` is not the driver's.
  // ok: collection-insert-value-removed
  [1, 2].insert(pets);
  // ok: collection-insert-value-removed
  editor.insert(text, 0);

  // expect: collection-update-removed
  await users.updateMany({ _id: 1 }, { $set: { name: "x" } });
  // expect: collection-update-removed
  await users.updateMany({ status: "trial" }, { $set: { status: "expired" } }, { multi: true });
  // ok: collection-update-removed
  await users.updateOne({ _id: 1 }, { $set: { name: "x" } });
  // On a known collection, a replacement document and variables count too.
  // expect: collection-update-removed
  await users.updateMany({ _id: 1 }, { name: "x" });
  // expect: collection-update-removed
  await users.updateMany(query, changes);

  // expect: collection-remove-removed
  await users.deleteMany({ status: "expired" });
  // expect: collection-remove-removed
  await db.collection("sessions").deleteMany({ expiresAt: { $lt: new Date() } }, { w: 1 });
  // ok: collection-remove-removed
  await users.deleteMany({ status: "expired" });
  // expect: collection-remove-removed
  await users.deleteMany(query);
  // expect: collection-remove-removed
  await users.deleteMany();
  // expect: collection-remove-removed
  await db.collection("sessions").deleteMany(
    { expiresAt: { $lt: new Date() }, user: { $in: expiredUserIds } },
  );

  // expect: collection-map-reduce-removed
  await db.collection("orders").mapReduce(map, reduce, { out: { inline: 1 } });
  // ok: collection-map-reduce-removed
  await db.collection("orders").aggregate([{ $group: { _id: "$customerId" } }]).toArray();

  // expect: objectid-alias-removed
  const legacyId = new mongodb.ObjectId(req.params.id);
  // ok: objectid-alias-removed
  const id = new ObjectId(req.params.id);
}

// --- callbacks, removed in 5.0 ---
// expect: connect-callback-removed
MongoClient.connect(url, { maxPoolSize: 5 }, function (err, connected) {
  startApp(connected.db("app"));
});
function legacyCallbacks() {
  const db = client.db("app");
  // expect: operation-callback-removed
  db.collection("users").findOne({ name: "ada" }, (err, doc) => {
    console.log(doc);
  });
  // expect: cursor-to-array-callback-removed
  db.collection("users").find({}).toArray(function (err, docs) {});
  // expect: operation-callback-removed
  db.collection("users").insertOne({ name: "x" }, { w: 1 }, (error, result) => {});
  // expect: operation-callback-removed
  db.collection("users").countDocuments({}, (e, n) => {});
}
const client = new MongoClient(url);
const mongoClient = new mongodb.MongoClient(url);
// expect: connect-callback-removed
client.connect(function (err) {
  const db = client.db("app");
});
// PostgreSQL clients in the same file: one of unknown type, one known to be a pg Client.
// ok: connect-callback-removed
pgClient.connect((err) => {});
const pg = new Client();
// ok: connect-callback-removed
pg.connect((err) => {
  if (err) throw err;
  pg.query("SELECT 1");
});
// expect: connect-callback-removed
mongoClient.connect((error) => {});
// ok: connect-callback-removed
await client.connect();
// ok: connect-callback-removed
const connected = await MongoClient.connect(url);
// ok: cursor-to-array-callback-removed
const docs = await client.db("app").collection("users").find({}).toArray();
// Promise callbacks are not driver callbacks.
// ok: operation-callback-removed
client.db("app").collection("users").findOne({}).then((doc) => console.log(doc));

// expect: top-level-connect-removed
mongodb.MongoClient.connect(url, (err, db) => {});
// ok: top-level-connect-removed
mongodb.MongoClient.connect(url);

// --- connection options ---
// expect: pool-size-option-removed
const pooled = new MongoClient(url, { maxPoolSize: 10 });
// ok: pool-size-option-removed
const pooled2 = new MongoClient(url, { maxPoolSize: 10 });
// A `poolSize` of something else.
// ok: pool-size-option-removed
const workerPool = createPool({ poolSize: 4 });

// expect: legacy-topology-options, legacy-topology-options-removed
const c1 = new MongoClient(url, { maxPoolSize: 10 });
// expect: legacy-topology-options, legacy-topology-options-removed
const options = { serverSelectionTimeoutMS: 5000 };
// ok: legacy-topology-options, legacy-topology-options-removed
const c2 = new MongoClient(url, { maxPoolSize: 10 });

// --- driver 6.0 findOneAndX result ---
async function nextSequence() {
  const db = client.db("app");
  const counters = db.collection("counters");
  const settings = db.collection("settings");
  // expect: find-one-and-x-value
  const seq = (await counters.findOneAndUpdate({ _id: "orders" }, { $inc: { seq: 1 } }, { returnDocument: "after" })).seq;
  // expect: find-one-and-x-destructured-value
  const { value } = await counters.findOneAndDelete({ _id: "tmp" });
  // expect: find-one-and-x-destructured-value
  const { value: job, ok } = await db.collection("jobs").findOneAndUpdate({ state: "new" }, { $set: { state: "running" } });
  // ok: find-one-and-x-value
  const doc = await counters.findOneAndUpdate({ _id: "orders" }, { $inc: { seq: 1 } }, { returnDocument: "after" });
  // ok: find-one-and-x-value
  const raw = (await counters.findOneAndUpdate({ _id: "a" }, { $inc: { seq: 1 } }, { includeResultMetadata: true })).value;
  // ok: find-one-and-x-destructured-value
  const { value: meta } = await counters.findOneAndUpdate({ _id: "a" }, { $inc: { seq: 1 } }, { includeResultMetadata: true });
  // A key-value collection whose documents have a `value` field.
  // ok: find-one-and-x-value
  const setting = (await settings.findOneAndUpdate({ key }, { $set: { value: v } }, { returnDocument: "after" })).value;
  return [seq, value, job, ok, doc, raw, meta, setting];
}

// --- other libraries' methods with the same names ---
class Cart {
  save(item) { return item; }
  update(filter, changes) { return [filter, changes]; }
  remove(filter) { return filter; }
}
async function unrelated(el, list, redis) {
  // An application's own class with `save`, `update` and `remove`.
  const cart = new Cart();
  // ok: collection-save-removed
  cart.save({ sku: "a" });
  // ok: collection-update-removed
  cart.update({ sku: "a" }, { $set: { n: 2 } });
  // ok: collection-remove-removed
  cart.remove({ sku: "a" });
  // An array's find: a predicate and `thisArg`.
  const rows = [{ id: 1 }];
  // ok: find-fields-option-removed
  rows.find(function (row) { return row.id === this.id; }, { fields: { id: 1 } });
  // A knex builder held in a variable.
  const audit = knex("audit");
  // ok: collection-insert-removed
  await audit.insert({ action: "login" });
  // A MongoDB cursor is not a collection.
  const cursor = client.db("app").collection("users").find({});
  // ok: collection-remove-removed
  cursor.remove({ a: 1 });
  // ok: collection-insert-removed
  await knex("users").insert({ name: "ada" });
  // ok: collection-update-removed
  await knex("users").where({ id: 1 }).update({ name: "x" });
  // A Sequelize model.
  // ok: collection-update-removed
  await User.update({ name: "x" }, { where: { id: 1 } });
  // A Mongoose model (mongoose rules judge these by the Mongoose version).
  // ok: collection-update-removed, collection-remove-removed
  await User.update({ _id: 1 }, { $set: { name: "x" } });
  // ok: collection-remove-removed
  await Session.remove({ expired: true });
  // ok: collection-remove-removed
  el.remove();
  // ok: collection-remove-removed
  el.classList.remove("active");
  // ok: collection-remove-removed
  _.remove(list, (n) => n % 2 === 0);
  // ok: collection-remove-removed
  await fs.remove("/tmp/cache");
  // ok: collection-insert-many-removed
  _.insert([1, 2], 0);
  // ok: cursor-each-removed
  $("ul").find("li").each(function (i, el) {});
  // ok: cursor-each-removed
  _.each(list, (err, x) => {});
  // ok: operation-callback-removed
  redis.get("key", (err, reply) => {});
  // ok: operation-callback-removed
  fs.readFile("a.txt", (err, data) => {});
  // ok: operation-callback-removed
  Model.findOne({ name: "a" }, (err, doc) => {});
  // ok: collection-save-removed
  await user.save({ validateBeforeSave: false });
  // ok: collection-save-removed
  req.session.save((err) => {});
}
