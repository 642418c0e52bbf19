"use strict";

// Operational helpers written against the MongoDB Node.js driver 6: a TLS client with
// command monitoring, collection statistics through $collStats, user management through the
// createUser command, index maintenance and the profiler collection.
const fs = require("node:fs");
const { MongoClient, MongoBulkWriteError, ServerApiVersion } = require("mongodb");

function createAdminClient(uri) {
  const client = new MongoClient(uri, {
    tls: true,
    tlsCAFile: process.env.MONGODB_CA_FILE,
    tlsCertificateKeyFile: process.env.MONGODB_CLIENT_PEM,
    tlsCertificateKeyFilePassword: process.env.MONGODB_CLIENT_PEM_PASSWORD,
    monitorCommands: true,
    maxPoolSize: 5,
    serverApi: { version: ServerApiVersion.v1 },
  });
  client.on("commandStarted", (ev) => {
    if (process.env.DEBUG_MONGO) console.debug("mongo >", ev.commandName, ev.databaseName);
  });
  client.on("commandFailed", (ev) => {
    console.warn("mongo command failed", ev.commandName, ev.failure);
  });
  return client;
}

async function collectionSizes(db) {
  const names = await db.listCollections({}, { nameOnly: true }).toArray();
  const sizes = {};
  for (const { name } of names) {
    if (name.startsWith("system.")) continue;
    const [stats] = await db
      .collection(name)
      .aggregate([{ $collStats: { storageStats: {} } }])
      .toArray();
    sizes[name] = { count: stats.storageStats.count, bytes: stats.storageStats.size };
  }
  const dbStats = await db.stats();
  return { sizes, dataSize: dbStats.dataSize };
}

async function createReportingUser(client, password) {
  const admin = client.db("admin");
  await admin.command({
    createUser: "reporting",
    pwd: password,
    roles: [{ role: "read", db: "shop" }],
  });
}

async function rebuildIndexes(db, name, specs) {
  const coll = db.collection(name);
  await coll.dropIndexes();
  await coll.createIndexes(specs);
  return coll.indexes();
}

async function slowQueries(db, thresholdMs = 100) {
  return db
    .collection("system.profile")
    .find({ millis: { $gt: thresholdMs } })
    .sort({ ts: -1 })
    .limit(20)
    .toArray();
}

async function importOrders(db, file) {
  const orders = JSON.parse(fs.readFileSync(file, "utf8"));
  try {
    const result = await db.collection("orders").insertMany(orders, { ordered: false });
    return result.insertedCount;
  } catch (err) {
    if (err instanceof MongoBulkWriteError) {
      console.warn("some orders were duplicates:", err.writeErrors.length);
      return err.result.insertedCount;
    }
    throw err;
  }
}

async function drainQueue(db, handle) {
  const cursor = db.collection("jobs").find({ state: "queued" }).sort({ createdAt: 1 });
  let job;
  while ((job = await cursor.next()) !== null) {
    await handle(job);
  }
  await cursor.close();
}

module.exports = {
  createAdminClient,
  collectionSizes,
  createReportingUser,
  rebuildIndexes,
  slowQueries,
  importOrders,
  drainQueue,
};
