// Express + Node.js driver.
const express = require("express");
const { MongoClient } = require("mongodb");

const app = express();
const uri = process.env.MONGODB_URI;

// The right way: one client for the process, reused by every handler.
// ok: mongo-client-per-request
const shared = new MongoClient(uri);

app.get("/orders", async (req, res) => {
  // expect: mongo-client-per-request
  const client = new MongoClient(uri);
  try {
    await client.connect();
    res.json(await client.db("shop").collection("orders").find().limit(20).toArray());
  } finally {
    await client.close();
  }
});

app.post("/orders", async function (req, res) {
  // expect: mongo-client-per-request
  const client = await MongoClient.connect(uri);
  await client.db("shop").collection("orders").insertOne(req.body);
  res.sendStatus(201);
});

async function listUsers(req, res) {
  // expect: mongo-client-per-request
  let conn = await new MongoClient(uri).connect();
  res.json(await conn.db("app").collection("users").find().toArray());
}
app.get("/users", listUsers);

app.get("/health", async (req, res) => {
  // ok: mongo-client-per-request
  await shared.db("admin").command({ ping: 1 });
  res.send("ok");
});

// A cached factory assigns an outer variable: the client is created once.
let cached;
async function getClient() {
  if (!cached) {
    // ok: mongo-client-per-request
    cached = new MongoClient(uri);
    await cached.connect();
  }
  return cached;
}

app.get("/cached", async (req, res) => {
  if (!cached) {
    // ok: mongo-client-per-request
    cached = await new MongoClient(uri).connect();
  }
  res.json(await (await getClient()).db("shop").collection("orders").findOne());
});

// A script's main() runs once: not a request handler.
async function main() {
  // ok: mongo-client-per-request
  const client = new MongoClient(uri);
  try {
    await client.connect();
    console.log(await client.db("shop").collection("orders").countDocuments());
  } finally {
    await client.close();
  }
}
main().catch(console.error);

// A setup function that builds the app and its client once.
function createApp() {
  // ok: mongo-client-per-request
  const client = new MongoClient(uri);
  const api = express();
  api.get("/orders", async (req, res) => res.json(await client.db("shop").collection("orders").find().toArray()));
  return api;
}

module.exports = { app, createApp };
