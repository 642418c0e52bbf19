// What a receiver is, from TypeScript annotations as well as provenance (types.yaml); each
// form with a look-alike whose annotation says it is something else.
import { type Collection, Db, FindCursor, MongoClient } from "mongodb";
import * as mongo from "mongodb";
import legacy = require("mongodb");
import mongoose, { type HydratedDocument, Model } from "mongoose";

interface Order {
  total: number;
}

// Parameters: plain, generic, optional, `| null`, namespace-qualified, `import = require`.
export function archive(
  orders: Collection<Order>,
  maybe?: mongo.Collection | null,
  old?: legacy.Collection,
  names: string[] = [],
  byId: Map<string, Order> = new Map(),
): void {
  // expect: collection-insert-removed
  orders.insert({ total: 1 });
  // expect: collection-remove-removed
  maybe!.remove({ total: 0 });
  // expect: collection-save-removed
  if (old) old.save({ total: 2 });
  // ok: collection-remove-removed
  names.remove({ total: 0 });
  // ok: collection-update-removed
  byId.update({ total: 0 }, { $set: { total: 1 } });
}

// Return annotations (`Promise<Db>` is the Db, once awaited) and casts.
async function shop(): Promise<Db> {
  return new MongoClient(process.env.MONGODB_URI ?? "").db("shop");
}
export async function cleanUp(raw: unknown): Promise<void> {
  const db = await shop();
  // expect: collection-remove-removed
  db.collection("sessions").remove({ expired: true });
  // expect: collection-update-removed
  (raw as Collection).update({ _id: 1 }, { $set: { seen: true } });
  // ok: collection-update-removed
  (raw as string[]).update({ _id: 1 }, { $set: { seen: true } });
  const cursor: FindCursor = db.collection("orders").find({});
  // expect: cursor-each-removed
  cursor.each((err: Error | undefined) => {});
  // An annotation that says nothing known keeps what the value is.
  const sessions: Sessions = db.collection("sessions");
  // expect: collection-insert-removed
  sessions.insert({ at: new Date() });
}

// Parameter properties and annotated fields are known in the other methods.
class Ledger {
  private entries: Collection;
  private readonly pending: string[] = [];

  constructor(private readonly db: Db) {
    this.entries = db.collection("entries");
  }

  async post(amount: number): Promise<void> {
    // expect: collection-insert-removed
    await this.entries.insert({ amount });
    // expect: collection-remove-removed
    await this.db.collection("drafts").remove({ amount });
    // ok: collection-remove-removed
    this.pending.remove({ amount });
  }
}

// Mongoose: `Model<T>` is a model, `HydratedDocument<T>` a document.
interface IUser {
  name: string;
}
export async function prune(
  users: Model<IUser>,
  user: HydratedDocument<IUser>,
  label: string,
): Promise<void> {
  // expect: model-remove-removed
  await users.remove({ name: "ada" });
  // expect: document-remove-removed
  await user.remove();
  // ok: document-remove-removed
  label.remove();
}
export const conn = mongoose.createConnection(process.env.MONGODB_URI ?? "");
export { Ledger };
