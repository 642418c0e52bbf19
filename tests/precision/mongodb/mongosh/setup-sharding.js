// mongosh script: create indexes and shard the shop collections (MongoDB 7.0+).
// Run: mongosh "mongodb://mongos.example:27017" mongosh/setup-sharding.js

const shop = db.getSiblingDB("shop");

// Orders: read by customer and time range, so lead with the customer.
shop.orders.createIndex({ customerId: 1, createdAt: 1 });
sh.shardCollection("shop.orders", { customerId: 1, createdAt: 1 });

// Events arrive with increasing timestamps: hash the device, keep time ranges per device.
shop.events.createIndex({ deviceId: "hashed", ts: 1 });
sh.shardCollection("shop.events", { deviceId: "hashed", ts: 1 });

// Sessions are only read by id: a hashed _id spreads inserts evenly.
sh.shardCollection("shop.sessions", { _id: "hashed" });

// Users: unique e-mail enforced by a ranged shard key.
shop.users.createIndex({ email: 1 }, { unique: true });
sh.shardCollection("shop.users", { email: 1 }, true);

// The same through the command, with a collation.
db.adminCommand({
  shardCollection: "shop.reviews",
  key: { productId: 1, reviewerId: 1 },
  collation: { locale: "simple" },
});

// Zones for data residency.
sh.addShardToZone("shard-eu-1", "EU");
sh.updateZoneKeyRange("shop.orders", { customerId: "eu-", createdAt: MinKey }, { customerId: "eu.", createdAt: MinKey }, "EU");

// Change the key of an existing collection without dump/restore.
db.adminCommand({ reshardCollection: "shop.carts", key: { customerId: "hashed" }, numInitialChunks: 8 });

printjson(sh.status());
