// mongodb@6.10.0
// Find the 10 stores closest to a point, with their distance, using the MongoDB driver.
const { MongoClient } = require("mongodb");

const client = new MongoClient(process.env.MONGODB_URI);

async function closestStores(lng, lat) {
  await client.connect();
  const stores = client.db("retail").collection("stores");
  // deprecated: Collection.geoNear
  const result = await stores.geoNear(lng, lat, { spherical: true, num: 10, distanceMultiplier: 6378137 });
  return result.results.map((r) => ({ ...r.obj, distance: r.dis }));
}

module.exports = { closestStores };
