// TypeScript, ES module imports.
// expect: objectid-alias-removed
import { MongoClient, ObjectID, Collection, Db } from "mongodb";
import * as mongo from "mongodb";

interface User {
  _id?: mongo.ObjectId;
  name: string;
  email: string;
}

export async function findUser(db: Db, id: string): Promise<User | null> {
  // expect: objectid-alias-removed
  const oid = new ObjectID(id);
  // expect: objectid-alias-removed
  const other = new mongo.ObjectID(id);
  // ok: objectid-alias-removed
  const fine = new mongo.ObjectId(id);
  return db.collection<User>("users").findOne({ _id: oid });
}

export function legacyFind(users: Collection<User>, name: string): void {
  // expect: operation-callback-removed
  users.findOne({ name }, (err: Error | undefined, user?: User | null) => {
    console.log(user);
  });
  // expect: cursor-to-array-callback-removed
  users.find({ name }).toArray((err: Error | undefined, docs?: User[]) => {});
}

export async function modern(users: Collection<User>, name: string): Promise<number> {
  // ok: operation-callback-removed
  const user = await users.findOne({ name });
  // ok: collection-update-removed
  await users.updateOne({ name }, { $set: { email: "x@example.com" } });
  // expect: collection-update-removed
  await users.updateMany({ name }, { $set: { email: "x@example.com" } });
  // ok: find-one-and-x-value
  const updated = await users.findOneAndUpdate({ name }, { $set: { name: "b" } }, { returnDocument: "after" });
  // expect: find-one-and-x-value
  const old = (await users.findOneAndReplace({ name }, { name: "c", email: "" }));
  return user && updated && old ? 1 : 0;
}

// expect: legacy-topology-options, legacy-topology-options-removed
export const client = new MongoClient(process.env.MONGODB_URI ?? "", {});
