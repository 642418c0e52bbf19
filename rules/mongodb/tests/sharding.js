// mongosh: sh.shardCollection(namespace, key, unique, options)

// expect: shard-key-monotonic
sh.shardCollection("shop.orders", { _id: 1 });
// expect: shard-key-monotonic
sh.shardCollection("shop.events", { createdAt: 1 });
// expect: shard-key-monotonic
sh.shardCollection("iot.readings", { ts: 1 }, false, { collation: { locale: "simple" } });
// expect: shard-key-monotonic
sh.shardCollection("audit.log", { "created_at": 1 });
// expect: shard-key-monotonic
sh.shardCollection("metrics.samples", { "meta.timestamp": 1 });
// expect: shard-key-monotonic
sh.shardCollection("app.sessions", { updatedAt: 1 });

// Hashed keys spread monotonic values: the recommended form.
// ok: shard-key-monotonic
sh.shardCollection("shop.orders", { _id: "hashed" });
// ok: shard-key-monotonic
sh.shardCollection("shop.events", { createdAt: "hashed" });
// High-cardinality, non-monotonic fields.
// ok: shard-key-monotonic, shard-key-low-cardinality
sh.shardCollection("app.users", { userId: 1 });
// ok: shard-key-monotonic, shard-key-monotonic-prefix
sh.shardCollection("crm.customers", { customerId: 1 });
// Not timestamps, whatever their spelling: "format", "lat", a duration, a birthday.
// ok: shard-key-monotonic
sh.shardCollection("geo.points", { lat: 1 });
// ok: shard-key-monotonic
sh.shardCollection("files.docs", { format: 1 });
// ok: shard-key-monotonic
sh.shardCollection("apm.calls", { responseTime: 1 });
// ok: shard-key-monotonic
sh.shardCollection("hr.people", { birthDate: 1 });
// A reference to another document's ObjectId is not this document's insert order.
// ok: shard-key-monotonic
sh.shardCollection("shop.lines", { "order._id": 1 });
// The same key document outside a shardCollection call is not a shard key.
// ok: shard-key-monotonic
db.orders.createIndex({ createdAt: 1 });
// ok: shard-key-monotonic
db.orders.find({ _id: 1 });

// Compound keys: only the first field decides the insert pattern.
// expect: shard-key-monotonic-prefix
sh.shardCollection("shop.orders", { createdAt: 1, customerId: 1 });
// expect: shard-key-monotonic-prefix
sh.shardCollection("shop.orders", { _id: 1, region: 1 });
// ok: shard-key-monotonic-prefix, shard-key-monotonic
sh.shardCollection("shop.orders", { customerId: 1, createdAt: 1 });
// ok: shard-key-monotonic-prefix
sh.shardCollection("iot.readings", { deviceId: "hashed", ts: 1 });
// ok: shard-key-monotonic-prefix
sh.shardCollection("iot.readings", { ts: "hashed", deviceId: 1 });

// Low-cardinality single-field keys.
// expect: shard-key-low-cardinality
sh.shardCollection("app.users", { status: 1 });
// expect: shard-key-low-cardinality
sh.shardCollection("app.users", { country: "hashed" });
// expect: shard-key-low-cardinality
sh.shardCollection("app.users", { isActive: 1 });
// ok: shard-key-low-cardinality
sh.shardCollection("app.users", { status: 1, userId: 1 });
// ok: shard-key-low-cardinality
sh.shardCollection("app.users", { statusMessageId: 1 });

// The shardCollection command document, from mongosh or the Node.js driver.
db.adminCommand({
  shardCollection: "shop.orders",
  // expect: shard-key-monotonic
  key: { _id: 1 },
});
await client.db("admin").command({
  shardCollection: "iot.readings",
  // expect: shard-key-monotonic-prefix
  key: { ts: 1, z: 1, x: 1, y: 1 },
});
db.getSiblingDB("admin").runCommand({
  shardcollection: "audit.log",
  // expect: shard-key-monotonic
  key: { timestamp: 1 },
});
await adminDb.command({
  "shardCollection": "shop.orders",
  // ok: shard-key-monotonic
  "key": { _id: "hashed" },
});
await adminDb.command({
  shardCollection: "shop.orders",
  // ok: shard-key-monotonic
  key: { customerId: 1, _id: 1 },
});
