// Node.js driver (TypeScript): the shardCollection command sent through Db.command().
import { MongoClient } from "mongodb";

export async function shardOrders(client: MongoClient): Promise<void> {
  const admin = client.db("admin");
  await admin.command({
    shardCollection: "shop.orders",
    // expect: shard-key-monotonic
    key: { createdAt: "hashed" },
  });
  await admin.command({
    shardCollection: "shop.orders",
    // ok: shard-key-monotonic, shard-key-monotonic-prefix
    key: { customerId: 1, createdAt: 1 },
  });
  await admin.command({
    shardCollection: "shop.events",
    // expect: shard-key-monotonic-prefix
    key: { insertedAt: 1, customerId: 1 },
  });
  await admin.command({
    shardCollection: "shop.users",
    // expect: shard-key-low-cardinality
    key: { type: 1 },
  });
  await admin.command({
    shardCollection: "shop.users",
    // ok: shard-key-low-cardinality, shard-key-monotonic
    key: { customerId: "hashed" },
  });
}
