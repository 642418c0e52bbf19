// mongodb@6.10.0
// Implement an auto-increment sequence for order numbers stored in a "counters" collection.
const { MongoClient } = require("mongodb");

const client = new MongoClient(process.env.MONGODB_URI);

async function nextOrderNumber() {
  await client.connect();
  const counters = client.db("shop").collection("counters");
  const doc = await counters.findOneAndUpdate(
    { _id: "orderNumber" },
    { $inc: { seq: 1 } },
    // deprecated: returnOriginal option
    { returnOriginal: false, upsert: true }
  );
  return doc.seq;
}

module.exports = { nextOrderNumber };
