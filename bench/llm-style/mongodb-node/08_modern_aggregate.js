// mongodb@6.10.0
// Report order counts per status and the storage size of the orders collection.
const { MongoClient } = require("mongodb");

async function report(uri) {
  const client = new MongoClient(uri, { maxPoolSize: 5, monitorCommands: true });
  client.on("commandFailed", (ev) => console.warn(ev.commandName, ev.failure));
  await client.connect();
  try {
    const orders = client.db("shop").collection("orders");
    const byStatus = await orders
      .aggregate([{ $group: { _id: "$status", n: { $sum: 1 } } }, { $sort: { n: -1 } }])
      .toArray();
    const [stats] = await orders.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
    return { byStatus, bytes: stats.storageStats.size };
  } finally {
    await client.close();
  }
}

module.exports = { report };
