// One-off maintenance script: recompute order totals and archive old events.
// Run with: npm run build && npm run backfill -- --since 2024-01-01
import { MongoClient, Collection, ObjectId, AnyBulkWriteOperation } from "mongodb";

interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

interface Order {
  _id: ObjectId;
  number: number;
  lines: OrderLine[];
  total: number;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

interface OrderEvent {
  _id?: ObjectId;
  orderId: ObjectId;
  type: string;
  at: Date;
}

const BATCH = 1000;

function lineTotal(lines: OrderLine[]): number {
  return Math.round(lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) * 100) / 100;
}

async function fixTotals(orders: Collection<Order>, since: Date): Promise<number> {
  let fixed = 0;
  let batch: AnyBulkWriteOperation<Order>[] = [];
  const cursor = orders.find(
    { createdAt: { $gte: since } },
    { projection: { lines: 1, total: 1 }, sort: { _id: 1 } },
  );
  for await (const order of cursor) {
    const total = lineTotal(order.lines);
    if (total !== order.total) {
      batch.push({ updateOne: { filter: { _id: order._id }, update: { $set: { total } } } });
    }
    if (batch.length === BATCH) {
      fixed += (await orders.bulkWrite(batch, { ordered: false })).modifiedCount;
      batch = [];
    }
  }
  if (batch.length > 0) {
    fixed += (await orders.bulkWrite(batch, { ordered: false })).modifiedCount;
  }
  return fixed;
}

async function archiveEvents(
  events: Collection<OrderEvent>,
  archive: Collection<OrderEvent>,
  before: Date,
): Promise<number> {
  const seen = new Map<string, number>();
  let moved = 0;
  while (true) {
    const chunk = await events.find({ at: { $lt: before } }).sort({ at: 1 }).limit(BATCH).toArray();
    if (chunk.length === 0) break;
    for (const event of chunk) {
      seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
    }
    await archive.insertMany(chunk, { ordered: false });
    const { deletedCount } = await events.deleteMany({ _id: { $in: chunk.map((e) => e._id!) } });
    moved += deletedCount;
  }
  seen.delete("created");
  console.log("archived by type (besides created):", Object.fromEntries(seen));
  return moved;
}

async function reopenStuckPayments(orders: Collection<Order>): Promise<string[]> {
  const cutoff = new Date(Date.now() - 2 * 3600 * 1000);
  const reopened: string[] = [];
  for (;;) {
    const order = await orders.findOneAndUpdate(
      { status: "payment_pending", updatedAt: { $lt: cutoff } },
      { $set: { status: "new", updatedAt: new Date() } },
      { returnDocument: "after", projection: { number: 1 } },
    );
    if (order === null) break;
    reopened.push(String(order.number));
  }
  return reopened;
}

async function main(): Promise<void> {
  const sinceArg = process.argv.indexOf("--since");
  const since = new Date(sinceArg > 0 ? process.argv[sinceArg + 1] : "1970-01-01");
  const client = await MongoClient.connect(process.env.MONGODB_URI ?? "mongodb://localhost:27017", {
    appName: "backfill-totals",
    maxPoolSize: 5,
  });
  try {
    const db = client.db(process.env.MONGODB_DB ?? "shop");
    const fixed = await fixTotals(db.collection<Order>("orders"), since);
    const moved = await archiveEvents(
      db.collection<OrderEvent>("order_events"),
      db.collection<OrderEvent>("order_events_archive"),
      new Date(Date.now() - 365 * 24 * 3600 * 1000),
    );
    const reopened = await reopenStuckPayments(db.collection<Order>("orders"));
    const remaining = await db.collection("order_events").estimatedDocumentCount();
    console.log({ fixed, moved, reopened: reopened.length, remaining });
  } finally {
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
