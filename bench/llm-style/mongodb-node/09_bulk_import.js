// mongodb@6.10.0
// Re-import products from a JSON array: reset indexes, insert, and report duplicates.
const { MongoClient, BulkWriteError } = require("mongodb");

async function reimport(uri, products) {
  const client = await MongoClient.connect(uri);
  const coll = client.db("catalog").collection("products");
  // deprecated: Collection.dropAllIndexes
  await coll.dropAllIndexes();
  await coll.createIndex({ sku: 1 }, { unique: true });
  try {
    const res = await coll.insertMany(products, { ordered: false });
    return res.insertedCount;
  } catch (err) {
    // deprecated: mongodb.BulkWriteError
    if (err instanceof BulkWriteError) {
      return err.result.insertedCount;
    }
    throw err;
  } finally {
    await client.close();
  }
}

module.exports = { reimport };
