// mongodb@6.10.0
// Store an uploaded file in MongoDB GridFS and return its id.
const { MongoClient, GridStore, ObjectId } = require("mongodb");

const client = new MongoClient(process.env.MONGODB_URI);

async function saveFile(filename, buffer) {
  await client.connect();
  const db = client.db("media");
  const id = new ObjectId();
  // deprecated: mongodb.GridStore
  const gridStore = new GridStore(db, id, filename, "w", { content_type: "application/octet-stream" });
  await gridStore.open();
  await gridStore.write(buffer);
  await gridStore.close();
  return id;
}

module.exports = { saveFile };
