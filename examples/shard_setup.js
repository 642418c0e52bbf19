// mongosh script that shards the support app's collections.
// Run: mongosh "mongodb://mongos.example:27017/admin" shard_setup.js
//
// `upstream check examples/` reports the two shard keys below that only grow
// (an ObjectId `_id` and a creation timestamp): every insert would land on one shard.

// Reported: ranged on _id (ObjectId) -> use { _id: "hashed" }.
sh.shardCollection("support.tickets", { _id: 1 });

// Reported: compound key that leads with a timestamp -> lead with customerId instead.
db.adminCommand({
  shardCollection: "support.messages",
  key: { createdAt: 1, ticketId: 1 },
});

// Fine: hashed _id spreads inserts evenly over the shards.
sh.shardCollection("support.attachments", { _id: "hashed" });

// Fine: a high-cardinality field first, the timestamp second.
sh.shardCollection("support.events", { customerId: 1, createdAt: 1 });
