// mongosh: shardCollection options and companions.

// Hashed shard keys cannot be unique: the server rejects the call.
// expect: shard-key-hashed-unique
sh.shardCollection("app.users", { email: "hashed" }, true);
// expect: shard-key-hashed-unique
sh.shardCollection("app.users", { tenantId: "hashed", email: 1 }, true, { collation: { locale: "simple" } });
db.adminCommand({
  shardCollection: "app.users",
  // expect: shard-key-hashed-unique
  key: { email: "hashed" },
  unique: true,
});
// Ranged unique keys are fine, and so are hashed keys without unique.
// ok: shard-key-hashed-unique
sh.shardCollection("app.users", { email: 1 }, true);
// ok: shard-key-hashed-unique
sh.shardCollection("app.users", { email: "hashed" }, false);
// ok: shard-key-hashed-unique
sh.shardCollection("app.users", { email: "hashed" });
db.adminCommand({
  shardCollection: "app.users",
  // ok: shard-key-hashed-unique
  key: { email: "hashed" },
  unique: false,
});
// A unique index on a hashed-sharded collection is another statement altogether.
// ok: shard-key-hashed-unique
db.users.createIndex({ email: "hashed" }, { unique: true });

// numInitialChunks is ignored since MongoDB 7.2.
sh.shardCollection("app.events", { _id: "hashed" }, false, {
  // expect: shard-collection-num-initial-chunks
  numInitialChunks: 8,
  collation: { locale: "simple" },
});
db.adminCommand({
  shardCollection: "app.events",
  key: { deviceId: "hashed" },
  // expect: shard-collection-num-initial-chunks
  "numInitialChunks": 16,
});
// reshardCollection keeps its own numInitialChunks option.
db.adminCommand({
  reshardCollection: "app.events",
  key: { deviceId: "hashed" },
  // ok: shard-collection-num-initial-chunks
  numInitialChunks: 16,
});
// ok: shard-collection-num-initial-chunks
const settings = { numInitialChunks: 4 };

// enableSharding is not needed before shardCollection on MongoDB 6.0+.
// expect: enable-sharding-not-required
sh.enableSharding("app");
// expect: enable-sharding-not-required
db.adminCommand({ enableSharding: "app" });
// Choosing a primary shard is a deliberate use of the command.
// ok: enable-sharding-not-required
sh.enableSharding("app", "shard0001");
// ok: enable-sharding-not-required
db.adminCommand({ enableSharding: "app", primaryShard: "shard0001" });
