// Driver 6.0 removals: addUser, collection.stats, keepAlive and ssl* options.
const { MongoClient } = require("mongodb");
const fs = require("fs");
const http = require("http");

const client = new MongoClient(process.env.MONGODB_URI);

async function users() {
  const db = client.db("admin");
  // expect: db-add-user-removed
  await db.addUser("reporting", "secret", { roles: [{ role: "read", db: "shop" }] });
  // expect: db-add-user-removed
  await client.db("shop").admin().addUser("ops", "secret");
  // ok: db-add-user-removed
  await db.command({ createUser: "reporting", pwd: "secret", roles: ["read"] });
  // Another library's user store.
  // ok: db-add-user-removed
  await keycloak.addUser("ada", "secret");
}

async function stats() {
  const db = client.db("shop");
  const orders = db.collection("orders");
  // expect: collection-stats-removed
  const s = await orders.stats();
  // expect: collection-stats-removed
  const t = await db.collection("events").stats({ scale: 1024 });
  // The database's stats() remains.
  // ok: collection-stats-removed
  const d = await db.stats();
  // ok: collection-stats-removed
  const [c] = await orders.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
  // ok: collection-stats-removed
  const f = fs.statSync("a.txt");
  // ok: collection-stats-removed
  const q = queue.stats();
  return [s, t, d, c, f, q];
}

// expect: keep-alive-options-removed
const c1 = new MongoClient(process.env.MONGODB_URI, { keepAlive: true, maxPoolSize: 10 });
// expect: keep-alive-options-removed, keep-alive-options-removed
const c2 = await MongoClient.connect(process.env.MONGODB_URI, { keepAlive: true, keepAliveInitialDelay: 300000 });
// An http Agent's keepAlive.
// ok: keep-alive-options-removed
const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
// ok: keep-alive-options-removed
const c3 = new MongoClient(process.env.MONGODB_URI, { maxPoolSize: 10 });

const c4 = new MongoClient(process.env.MONGODB_URI, {
  ssl: true,
  // expect: ssl-options-removed
  sslCA: "/etc/ssl/ca.pem",
  // expect: ssl-options-removed
  sslValidate: false,
  // expect: ssl-options-removed
  "sslKey": "/etc/ssl/client.pem",
});
// ok: ssl-options-removed
const c5 = new MongoClient(process.env.MONGODB_URI, { tls: true, tlsCAFile: "/etc/ssl/ca.pem" });
// Another library's options with the same key.
// ok: ssl-options-removed
const amqp = connectBroker({ sslCA: fs.readFileSync("/etc/ssl/ca.pem") });

async function bulk(ops) {
  const orders = client.db("shop").collection("orders");
  const res = await orders.bulkWrite(ops, { ordered: false });
  // expect: bulk-write-result-legacy-fields-removed
  console.log(res.nInserted, res.insertedCount);
  // expect: bulk-write-result-legacy-fields-removed
  const total = res.nModified + res.nUpserted;
  // expect: bulk-write-result-legacy-fields-removed
  const ids = res.getInsertedIds();
  // ok: bulk-write-result-legacy-fields-removed
  const counts = [res.insertedCount, res.upsertedCount, res.matchedCount, res.modifiedCount, res.deletedCount];
  // ok: bulk-write-result-legacy-fields-removed
  const map = res.insertedIds;
  return [total, ids, counts, map];
}

// --- GridFS finish event (6.0) and stream transform (7.0) ---
const { GridFSBucket } = require("mongodb");
async function upload(res, path, name) {
  const bucket = new GridFSBucket(client.db("media"));
  // expect: gridfs-finish-event-file-argument
  fs.createReadStream(path).pipe(bucket.openUploadStream(name)).on("finish", (file) => {
    res.json({ id: file._id });
  });
  // expect: gridfs-finish-event-file-argument
  bucket.openUploadStreamWithId(id, name).once("finish", function (doc) {});
  // A listener that does not read an argument.
  const up = bucket.openUploadStream(name);
  // ok: gridfs-finish-event-file-argument
  fs.createReadStream(path).pipe(up).on("finish", () => res.json({ id: up.gridFSFile._id }));
  // ok: gridfs-finish-event-file-argument
  fs.createReadStream(path).pipe(bucket.openUploadStream(name)).on("finish", () => res.end());
  // ok: gridfs-finish-event-file-argument
  fs.createReadStream(path).pipe(zlib.createGzip()).on("finish", (x) => x);
}

function exportJson(res) {
  const orders = client.db("shop").collection("orders");
  // expect: cursor-stream-transform-removed
  orders.find({}).stream({ transform: (doc) => JSON.stringify(doc) + "\n" }).pipe(res);
  // ok: cursor-stream-transform-removed
  orders.find({}).stream().map((doc) => JSON.stringify(doc) + "\n").pipe(res);
  // Another library's stream({ transform }).
  // ok: cursor-stream-transform-removed
  parser.stream({ transform: (row) => row });
}

// --- collection.count(), deprecated since 3.1 ---
async function counts() {
  const users = client.db("app").collection("users");
  // expect: collection-count-deprecated
  const n = await users.count({ status: "active" });
  // expect: collection-count-deprecated
  const all = await client.db("app").collection("events").count();
  // ok: collection-count-deprecated
  const m = await users.countDocuments({ status: "active" });
  // ok: collection-count-deprecated
  const e = await users.estimatedDocumentCount();
  // A cursor's count and other objects' count.
  // ok: collection-count-deprecated
  const c = await users.find({}).count();
  // ok: collection-count-deprecated
  const k = metrics.count();
  return [n, all, m, e, c, k];
}
