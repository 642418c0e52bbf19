// mongodb@6.10.0
// Express routes that list active users and count orders from MongoDB.
const express = require("express");
const { MongoClient } = require("mongodb");

const router = express.Router();
const client = new MongoClient(process.env.MONGODB_URI);
const db = client.db("app");
const users = db.collection("users");

router.get("/users", (req, res, next) => {
  // deprecated: Collection.find callback
  users.find({ active: true }, (err, cursor) => {
    if (err) return next(err);
    res.json(cursor);
  });
});

router.get("/orders/count", (req, res, next) => {
  // deprecated: Db.collection callback
  db.collection("orders", (err, orders) => {
    if (err) return next(err);
    res.json({ ok: true, name: orders.collectionName });
  });
});

module.exports = router;
