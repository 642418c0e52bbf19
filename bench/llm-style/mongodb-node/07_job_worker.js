// mongodb@6.10.0
// A worker that reconnects if needed and processes queued jobs one by one.
const { MongoClient } = require("mongodb");

const client = new MongoClient(process.env.MONGODB_URI);

async function work(handle) {
  // deprecated: MongoClient.isConnected
  if (!client.isConnected()) {
    await client.connect();
  }
  const jobs = client.db("queue").collection("jobs");
  const cursor = jobs.find({ state: "queued" }).sort({ createdAt: 1 });
  let job;
  // deprecated: Cursor.nextObject
  while ((job = await cursor.nextObject()) != null) {
    await handle(job);
    await jobs.updateOne({ _id: job._id }, { $set: { state: "done" } });
  }
}

module.exports = { work };
