// Driver 2.x/3.x helpers removed in driver 3.0 and 4.0, and their modern equivalents.
const mongodb = require("mongodb");
const { MongoClient, Db, Server, ReplSet, GridStore, GridFSBucket, BulkWriteError } = require("mongodb");
const _ = require("lodash");

// --- driver 3.0 ---
// The 2.x construct is reported where it is opened.
// ok: legacy-topology-classes-removed
const legacyDb = new Db("shop", new Server("localhost", 27017));
// expect: db-open-removed
legacyDb.open(function (err, db) {});
// expect: db-authenticate-removed
legacyDb.authenticate("app", "secret", (err2, ok) => {});
// expect: legacy-topology-classes-removed
const single = new Server("localhost", 27017);
// expect: db-logout-removed
legacyDb.logout();
// A file handle, a window, a dialog: not a Db.
// ok: db-open-removed
window.open("/help");
// ok: db-open-removed
dialog.open();
// ok: db-authenticate-removed
passport.authenticate("local", { failureRedirect: "/login" });
// ok: db-logout-removed
req.logout(() => {});

const client = new MongoClient(process.env.MONGODB_URI);
// ok: db-open-removed
await client.connect();

async function cursors() {
  const db = client.db("shop");
  const jobs = db.collection("jobs");
  const cursor = jobs.find({ status: "queued" });
  // expect: cursor-next-object-removed
  const first = await cursor.nextObject();
  // expect: cursor-next-object-removed
  jobs.find({}).sort({ createdAt: 1 }).nextObject((err, job) => {});
  // expect: cursor-next-object-removed
  const row = await legacyCursor.nextObject();
  // ok: cursor-next-object-removed
  const next = await cursor.next();
  return [first, row, next];
}

async function geo() {
  const db = client.db("shop");
  const places = db.collection("places");
  // expect: collection-geo-near-removed
  await places.geoNear(50, 50, { spherical: true, num: 10 });
  // ok: collection-geo-near-removed
  await places.aggregate([{ $geoNear: { near: { type: "Point", coordinates: [50, 50] }, distanceField: "d" } }]).toArray();
  // The aggregation cursor's stage builder.
  // ok: collection-geo-near-removed
  places.aggregate([]).geoNear({ near: [50, 50], distanceField: "d" });
  // expect: collection-geo-haystack-search-removed
  await places.geoHaystackSearch(50, 50, { search: { type: "cafe" }, maxDistance: 10 });
  // ok: collection-geo-haystack-search-removed
  await places.find({ location: { $geoWithin: { $centerSphere: [[50, 50], 0.01] } } }).toArray();
}

// --- driver 4.0 ---
async function admin() {
  const db = client.db("shop");
  const orders = db.collection("orders");
  // expect: collection-group-removed
  await orders.group({ status: 1 }, { active: true }, { n: 0 }, "function (obj, prev) { prev.n++; }");
  // ok: collection-group-removed
  await orders.aggregate([{ $group: { _id: "$status", n: { $sum: 1 } } }]).toArray();
  // ok: collection-group-removed
  _.group(list, "status");
  // ok: collection-group-removed
  orders.aggregate([]).group({ _id: "$status" });
  // ok: collection-group-removed
  console.group("orders");

  // expect: collection-drop-all-indexes-removed
  await orders.dropAllIndexes();
  // expect: collection-drop-all-indexes-removed
  await db.collection("events").dropAllIndexes({ maxTimeMS: 1000 });
  // ok: collection-drop-all-indexes-removed
  await orders.dropIndexes();

  // expect: collection-reindex-removed
  await orders.reIndex();
  // ok: collection-reindex-removed
  await db.command({ reIndex: "orders" });

  // expect: collection-parallel-collection-scan-removed
  const cursors = await orders.parallelCollectionScan({ numCursors: 4 });
  // ok: collection-parallel-collection-scan-removed
  for await (const doc of orders.find({})) console.log(doc);

  // expect: db-eval-removed
  await db.eval("function (x) { return x * 2; }", [21]);
  // ok: db-eval-removed
  const result = eval("1 + 1");
  // ok: db-eval-removed
  await page.eval("document.title");

  // expect: db-profiling-info-removed
  const info = await db.profilingInfo();
  // ok: db-profiling-info-removed
  const slow = await db.collection("system.profile").find({ millis: { $gt: 100 } }).toArray();
  return [cursors, result, info, slow];
}

// expect: client-logout-removed
await client.logout();
// ok: client-logout-removed
await client.close();
// expect: client-is-connected-removed
if (!client.isConnected()) await client.connect();
// ok: client-is-connected-removed
if (!socket.isConnected()) socket.reconnect();

// expect: legacy-topology-classes-removed
const rs = new ReplSet([new mongodb.Server("db1", 27017), new mongodb.Server("db2", 27017)]);
// expect: legacy-topology-classes-removed
const mongos = new mongodb.Mongos([]);
// ok: legacy-topology-classes-removed
const http = new HttpServer(app);
// ok: legacy-topology-classes-removed
const modern = new MongoClient("mongodb://db1:27017,db2:27017/?replicaSet=rs0");

// expect: grid-store-removed
const gs = new GridStore(legacyDb, "photo.jpg", "w");
// expect: grid-store-removed
mongodb.GridStore.unlink(legacyDb, "photo.jpg", () => {});
// ok: grid-store-removed
const bucket = new GridFSBucket(client.db("media"));

try {
  await client.db("shop").collection("orders").insertMany([{ _id: 1 }, { _id: 1 }], { ordered: false });
} catch (err) {
  // expect: bulk-write-error-renamed
  if (err instanceof BulkWriteError) console.log(err.result);
  // expect: bulk-write-error-renamed
  if (err instanceof mongodb.BulkWriteError) console.log(err.result);
  // ok: bulk-write-error-renamed
  if (err instanceof mongodb.MongoBulkWriteError) console.log(err.result);
}

// expect: instrument-removed
mongodb.instrument((err, instrumentations) => {});
// ok: instrument-removed
client.on("commandStarted", (ev) => console.log(ev.commandName));

// --- driver 5.0: the legacy logger ---
const { Logger } = require("mongodb");
// expect: legacy-logger-removed
Logger.setLevel("debug");
// expect: legacy-logger-removed
mongodb.Logger.filter("class", ["Cursor"]);
// expect: logger-options-removed
const logged = new MongoClient(process.env.MONGODB_URI, { loggerLevel: "debug", maxPoolSize: 5 });
// expect: logger-options-removed
const logged2 = new MongoClient(process.env.MONGODB_URI, { logger: console });
// A web framework's logger option.
// ok: logger-options-removed
const app = fastify({ logger: true });
// ok: legacy-logger-removed
const log = new ConsoleLogger("app");

// --- driver 4.0: call shapes ---
async function shapes() {
  const db = client.db("shop");
  const users = db.collection("users");
  // expect: db-collection-callback-removed
  db.collection("users", function (err, coll) {
    coll.findOne({});
  });
  // expect: db-collection-callback-removed
  db.collection("users", { strict: true }, (err, coll) => {});
  // ok: db-collection-callback-removed
  const coll = db.collection("users", { readPreference: "secondary" });

  // expect: find-callback-removed
  users.find({ active: true }, (err, cursor) => {});
  // expect: find-callback-removed
  users.aggregate([{ $match: {} }], { allowDiskUse: true }, function (err, cursor) {});
  // expect: find-callback-removed
  db.aggregate([{ $currentOp: {} }], (err, cursor) => {});
  // ok: find-callback-removed
  const docs = await users.find({ active: true }).toArray();
  // An array's find and a Mongoose model's find.
  // ok: find-callback-removed
  [1, 2].find((e) => e > 1, null);
  // ok: find-callback-removed
  User.find({ active: true }, (err, docs2) => {});

  // expect: return-original-option-removed
  const after = await users.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnOriginal: false, upsert: true });
  // expect: return-original-option-removed
  await db.collection("docs").findOneAndReplace({ _id: 1 }, { v: 2 }, { returnOriginal: false });
  // ok: return-original-option-removed
  await users.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: "after" });
  // A Mongoose model's returnOriginal.
  // ok: return-original-option-removed
  await User.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnOriginal: false });

  // expect: cursor-transform-stream-removed
  const s1 = users.find({}).transformStream({ transform: (doc) => JSON.stringify(doc) });
  // ok: cursor-transform-stream-removed
  const s2 = users.find({}).stream().map((doc) => JSON.stringify(doc));
  // ok: cursor-transform-stream-removed
  const ts = new TransformStream();
  return [coll, docs, after, s1, s2, ts];
}
