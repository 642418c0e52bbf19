// Cases of the mongodb rules in the benchmark pack: the Node.js driver (TypeScript).
import { MongoClient, type Collection } from "mongodb";

interface Order {
  customerId: string;
  total: number;
}

export async function run(client: MongoClient, orders: Collection<Order>) {
  // expect: mongodb--where-operator-deprecated
  await orders.find({ $where: "this.total > 100" }).toArray();
  // expect: mongodb--map-reduce-deprecated
  await client.db("shop").command({ mapReduce: "orders", map: "function() {}", reduce: "function() {}", out: { inline: 1 } });
  await client.db("admin").command({
    shardCollection: "shop.events",
    // expect: mongodb--shard-key-monotonic
    key: { createdAt: 1 },
  });
  await client.db("admin").command({
    shardCollection: "shop.events",
    // ok: mongodb--shard-key-monotonic
    key: { customerId: 1, createdAt: 1 },
  });
}
