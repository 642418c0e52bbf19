// One MongoClient for the whole process, created lazily and cached.
const { MongoClient, ServerApiVersion } = require("mongodb");

const uri = process.env.MONGODB_URI || "mongodb://localhost:27017/?replicaSet=rs0";

let client;
let connecting;

function getClient() {
  if (!client) {
    client = new MongoClient(uri, {
      serverApi: { version: ServerApiVersion.v1, strict: true, deprecationErrors: true },
      maxPoolSize: 50,
      retryWrites: true,
    });
  }
  return client;
}

async function connect() {
  if (!connecting) {
    connecting = getClient().connect();
  }
  return connecting;
}

function database() {
  return getClient().db(process.env.MONGODB_DB || "shop");
}

async function close() {
  if (client) {
    await client.close();
    client = undefined;
    connecting = undefined;
  }
}

module.exports = { getClient, connect, database, close };
