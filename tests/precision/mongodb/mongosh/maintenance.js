// mongosh script: nightly maintenance and a quick report.
const shop = db.getSiblingDB("shop");
const cutoff = new Date(Date.now() - 90 * 24 * 3600 * 1000);

const expired = shop.sessions.deleteMany({ lastSeenAt: { $lt: cutoff } });
print(`expired sessions removed: ${expired.deletedCount}`);

shop.orders.updateMany(
  { status: "pending", createdAt: { $lt: cutoff } },
  { $set: { status: "cancelled", cancelledAt: new Date() } },
);

shop.audit.insertMany([
  { kind: "maintenance", at: new Date(), note: "expired sessions" },
  { kind: "maintenance", at: new Date(), note: "stale orders" },
]);

print(`orders: ${shop.orders.estimatedDocumentCount()}`);
print(`pending: ${shop.orders.countDocuments({ status: "pending" })}`);
print(`late: ${shop.orders.countDocuments({ $expr: { $gt: ["$shippedAt", "$promisedAt"] } })}`);

// Top products, the aggregation way (no mapReduce).
shop.orders
  .aggregate([
    { $match: { status: "paid", createdAt: { $gte: cutoff } } },
    { $unwind: "$lines" },
    { $group: { _id: "$lines.sku", sold: { $sum: "$lines.qty" } } },
    { $sort: { sold: -1 } },
    { $limit: 10 },
    { $merge: { into: "top_products", whenMatched: "replace" } },
  ])
  .toArray();

// Prefix lookups stay case-sensitive and anchored.
shop.products.find({ sku: /^SH-2024/ }).limit(5).forEach((p) => printjson(p));

// Case-insensitive name lookup through a collation index.
shop.customers.createIndex({ name: 1 }, { collation: { locale: "en", strength: 2 } });
shop.customers.find({ name: "smith" }).collation({ locale: "en", strength: 2 }).limit(5).toArray();

// Keyset pagination over a large collection.
let lastId = MinKey;
for (let batch = 0; batch < 3; batch++) {
  const page = shop.orders.find({ _id: { $gt: lastId } }).sort({ _id: 1 }).limit(500).toArray();
  if (page.length === 0) break;
  lastId = page[page.length - 1]._id;
  print(`batch ${batch}: ${page.length} orders`);
}
