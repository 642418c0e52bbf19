"use strict";

// One MongoClient for the whole process (MongoDB Node.js driver 6).
const { MongoClient, ServerApiVersion } = require("mongodb");

const uri = process.env.MONGODB_URI || "mongodb://localhost:27017";
const dbName = process.env.MONGODB_DB || "shop";

const client = new MongoClient(uri, {
  maxPoolSize: 50,
  minPoolSize: 2,
  serverSelectionTimeoutMS: 5000,
  retryWrites: true,
  appName: "orders-service",
  serverApi: { version: ServerApiVersion.v1, strict: false, deprecationErrors: true },
});

let connecting = null;

/** Connect once; later calls share the same promise. */
async function connect() {
  if (!connecting) {
    connecting = client.connect().then(() => client.db(dbName));
  }
  return connecting;
}

async function ensureIndexes(db) {
  await db.collection("orders").createIndexes([
    { key: { customerId: 1, createdAt: -1 }, name: "customer_recent" },
    { key: { status: 1, updatedAt: 1 }, name: "status_updated" },
    { key: { "lines.sku": 1 }, name: "line_sku" },
  ]);
  await db.collection("customers").createIndex({ email: 1 }, { unique: true });
  await db.collection("sessions").createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  await db.collection("counters").createIndex({ name: 1 }, { unique: true });
}

async function ping() {
  const db = await connect();
  const reply = await db.command({ ping: 1 });
  return reply.ok === 1;
}

async function close() {
  if (connecting) {
    await client.close();
    connecting = null;
  }
}

module.exports = { client, connect, ensureIndexes, ping, close };
