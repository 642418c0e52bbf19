// mongodb@6.10.0
// Script: create a read-only reporting user and print the size of each collection.
const { MongoClient } = require("mongodb");

async function main() {
  const client = new MongoClient(process.env.MONGODB_URI);
  await client.connect();
  const db = client.db("shop");
  const admin = client.db("admin");
  // deprecated: Db.addUser
  await admin.addUser("reporting", process.env.REPORTING_PASSWORD, { roles: [{ role: "read", db: "shop" }] });

  for (const name of ["orders", "customers", "events"]) {
    // deprecated: Collection.stats
    const stats = await db.collection(name).stats();
    console.log(`${name}: ${stats.count} docs, ${stats.size} bytes`);
  }
  await client.close();
}

main().catch(console.error);
