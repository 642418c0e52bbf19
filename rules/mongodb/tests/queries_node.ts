// Node.js driver (TypeScript): query anti-patterns.
import { MongoClient, type Collection } from "mongodb";

interface Order {
  customerId: string;
  total: number;
}

export async function run(client: MongoClient, orders: Collection<Order>, q: string, page: number, pageSize: number) {
  // expect: where-operator-deprecated
  await orders.find({ $where: "this.total > 100" }).toArray();
  // expect: regex-case-insensitive
  await orders.find({ customerId: { $regex: q, $options: "i" } }).toArray();
  // expect: regex-case-insensitive
  await orders.findOne({ customerId: new RegExp(`^${q}$`, "i") });
  // ok: regex-case-insensitive
  await orders.findOne({ customerId: new RegExp(`^${q}`) });
  // expect: skip-deep-pagination
  await orders.find({}).sort({ _id: 1 }).skip((page - 1) * pageSize).limit(pageSize).toArray();
  // expect: skip-deep-pagination
  await orders.find({}, { skip: page * pageSize, limit: pageSize }).toArray();
  // ok: skip-deep-pagination
  await orders.find({}, { limit: pageSize }).toArray();
  // expect: map-reduce-deprecated
  await client.db("shop").command({ mapReduce: "orders", map: "function() {}", reduce: "function() {}", out: { inline: 1 } });
  // expect: js-function-operator-deprecated
  await orders.aggregate([{ $set: { h: { $function: { body: "function(x) { return x }", args: ["$total"], lang: "js" } } } }]).toArray();
}
