// Cases of the mongodb-node rules in the benchmark pack (TypeScript, ES module imports).
// expect: mongodb-node--objectid-alias-removed
import { MongoClient, ObjectID, Collection, Db } from "mongodb";
import * as mongo from "mongodb";
import mongoose, { Schema, model, Types } from "mongoose";

interface IOrder {
  customer: Types.ObjectId;
  status: "new" | "paid";
}

const orderSchema = new Schema<IOrder>({ status: { type: String, default: "new" } });
export const Order = model<IOrder>("Order", orderSchema);

export async function findUser(db: Db, id: string, customer: Types.ObjectId): Promise<number> {
  // expect: mongodb-node--objectid-alias-removed
  const oid = new ObjectID(id);
  // expect: mongodb-node--objectid-alias-removed
  const other = new mongo.ObjectID(id);
  // ok: mongodb-node--objectid-alias-removed
  const fine = new mongo.ObjectId(id);
  // expect: mongodb-node--model-count-removed
  const open = await Order.count({ status: "new", customer });
  // ok: mongodb-node--model-count-removed
  const current = await Order.countDocuments({ status: "new", customer });
  // expect: mongodb-node--collection-remove-removed
  await db.collection<IOrder>("orders").remove({ status: "paid" } as any);
  return open + current;
}

// expect: mongodb-node--legacy-topology-options
export const client = new MongoClient(process.env.MONGODB_URI ?? "", { useUnifiedTopology: true });
