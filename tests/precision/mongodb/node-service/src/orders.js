// Data access for orders: keyset pagination, exact counts, aggregation.
const { ObjectId } = require("mongodb");
const { database } = require("./db");

const PAGE_SIZE = 20;
const CASE_INSENSITIVE = { locale: "en", strength: 2 };

function orders() {
  return database().collection("orders");
}

async function ensureIndexes() {
  await orders().createIndexes([
    { key: { customerId: 1, createdAt: -1 }, name: "customer_createdAt" },
    { key: { status: 1, _id: 1 }, name: "status_id" },
    { key: { sku: 1 }, name: "sku" },
    { key: { customerName: 1 }, name: "customerName_ci", collation: CASE_INSENSITIVE },
  ]);
}

async function createOrder(order) {
  const doc = { ...order, status: "pending", createdAt: new Date() };
  const { insertedId } = await orders().insertOne(doc);
  return { ...doc, _id: insertedId };
}

async function findOrder(id) {
  return orders().findOne({ _id: new ObjectId(id) });
}

// Range pagination on _id: no skip().
async function listOrders({ status, after, limit = PAGE_SIZE }) {
  const filter = {};
  if (status) filter.status = status;
  if (after) filter._id = { $gt: new ObjectId(after) };
  const page = await orders()
    .find(filter)
    .sort({ _id: 1 })
    .limit(Math.min(limit, 100))
    .toArray();
  const next = page.length ? page[page.length - 1]._id.toHexString() : null;
  return { page, next };
}

// A case-sensitive prefix search uses the sku index as a range.
async function searchBySkuPrefix(prefix) {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return orders()
    .find({ sku: { $regex: `^${escaped}` } })
    .limit(PAGE_SIZE)
    .toArray();
}

// Case-insensitive equality through a collation index instead of a /.../i regex.
async function findByCustomerName(name) {
  return orders().find({ customerName: name }).collation(CASE_INSENSITIVE).limit(PAGE_SIZE).toArray();
}

async function countByStatus(status) {
  return orders().countDocuments({ status });
}

async function totalOrders() {
  return orders().estimatedDocumentCount();
}

async function revenueByCustomer(since) {
  return orders()
    .aggregate([
      { $match: { status: "paid", createdAt: { $gte: since } } },
      { $group: { _id: "$customerId", revenue: { $sum: "$total" }, orders: { $sum: 1 } } },
      { $sort: { revenue: -1 } },
      { $limit: 10 },
    ])
    .toArray();
}

async function markShipped(id, carrier) {
  const result = await orders().findOneAndUpdate(
    { _id: new ObjectId(id), status: "paid" },
    { $set: { status: "shipped", carrier, shippedAt: new Date() } },
    { returnDocument: "after" },
  );
  return result;
}

async function lateShipments() {
  // Comparing two fields of a document: $expr, not $where.
  return orders()
    .find({ $expr: { $gt: ["$shippedAt", "$promisedAt"] } })
    .project({ _id: 1, customerId: 1 })
    .toArray();
}

async function purgeCancelled(before) {
  const { deletedCount } = await orders().deleteMany({ status: "cancelled", createdAt: { $lt: before } });
  return deletedCount;
}

module.exports = {
  ensureIndexes,
  createOrder,
  findOrder,
  listOrders,
  searchBySkuPrefix,
  findByCustomerName,
  countByStatus,
  totalOrders,
  revenueByCustomer,
  markShipped,
  lateShipments,
  purgeCancelled,
};
