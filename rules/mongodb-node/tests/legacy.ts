// Receivers known from TypeScript annotations.
import { MongoClient, type Collection, type Db } from "mongodb";

export async function report(orders: Collection, db: Db, client: MongoClient): Promise<void> {
  // expect: collection-stats-removed
  const stats = await orders.stats();
  // expect: collection-group-removed
  await orders.group({ status: 1 }, {}, { n: 0 }, "function (o, p) { p.n++; }");
  // expect: db-eval-removed
  await db.eval("1 + 1");
  // expect: db-add-user-removed
  await db.addUser("ops", "secret");
  // expect: client-is-connected-removed
  if (!client.isConnected()) await client.connect();
  // ok: collection-stats-removed
  const dbStats = await db.stats();
  // ok: collection-group-removed
  console.group("report");
  console.log(stats, dbStats);
}

// An application's own class with the same method names.
class Metrics {
  stats(): number[] { return []; }
  group(name: string): string { return name; }
}
export function local(m: Metrics): void {
  // ok: collection-stats-removed
  m.stats();
  // ok: collection-group-removed
  m.group("a");
}
