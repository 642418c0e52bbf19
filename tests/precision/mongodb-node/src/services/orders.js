"use strict";

// Data access for orders, with the MongoDB Node.js driver 6 API.
const { ObjectId, MongoServerError } = require("mongodb");
const { client, connect } = require("../db");

const PAGE_SIZE = 25;

class NotFoundError extends Error {
  constructor(what) {
    super(`${what} not found`);
    this.status = 404;
  }
}

function toObjectId(id) {
  if (!ObjectId.isValid(id)) {
    throw new NotFoundError("order");
  }
  return new ObjectId(id);
}

async function collections() {
  const db = await connect();
  return {
    orders: db.collection("orders"),
    customers: db.collection("customers"),
    counters: db.collection("counters"),
    events: db.collection("order_events"),
  };
}

/** Next order number; the counter document is created on first use. */
async function nextOrderNumber(counters) {
  const counter = await counters.findOneAndUpdate(
    { name: "orders" },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: "after" },
  );
  return counter.seq;
}

async function createOrder(customerId, lines) {
  const { orders, counters, events } = await collections();
  const now = new Date();
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const order = {
    number: await nextOrderNumber(counters),
    customerId: toObjectId(customerId),
    lines,
    total,
    status: "new",
    createdAt: now,
    updatedAt: now,
  };
  const { insertedId } = await orders.insertOne(order);
  await events.insertOne({ orderId: insertedId, type: "created", at: now });
  return { ...order, _id: insertedId };
}

async function importOrders(batch) {
  const { orders } = await collections();
  if (batch.length === 0) {
    return 0;
  }
  try {
    const result = await orders.insertMany(batch, { ordered: false });
    return result.insertedCount;
  } catch (error) {
    // Duplicate order numbers are skipped; anything else is a real failure.
    if (error instanceof MongoServerError && error.code === 11000) {
      return error.result ? error.result.insertedCount : 0;
    }
    throw error;
  }
}

async function getOrder(id) {
  const { orders } = await collections();
  const order = await orders.findOne(
    { _id: toObjectId(id) },
    { projection: { internalNotes: 0 } },
  );
  if (order === null) {
    throw new NotFoundError("order");
  }
  return order;
}

/** Keyset pagination on (createdAt, _id), newest first. */
async function listOrders({ customerId, status, before } = {}) {
  const { orders } = await collections();
  const filter = {};
  if (customerId) filter.customerId = toObjectId(customerId);
  if (status) filter.status = status;
  if (before) {
    const [at, id] = before.split("_");
    filter.$or = [
      { createdAt: { $lt: new Date(at) } },
      { createdAt: new Date(at), _id: { $lt: new ObjectId(id) } },
    ];
  }
  const page = await orders
    .find(filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(PAGE_SIZE)
    .project({ lines: 0, internalNotes: 0 })
    .toArray();
  const last = page[page.length - 1];
  const next = page.length === PAGE_SIZE ? `${last.createdAt.toISOString()}_${last._id}` : null;
  return { orders: page, next };
}

async function updateStatus(id, status, expected) {
  const { orders, events } = await collections();
  const updated = await orders.findOneAndUpdate(
    { _id: toObjectId(id), status: expected },
    { $set: { status, updatedAt: new Date() } },
    { returnDocument: "after", projection: { internalNotes: 0 } },
  );
  if (!updated) {
    throw new NotFoundError(`order in state ${expected}`);
  }
  await events.insertOne({ orderId: updated._id, type: status, at: new Date() });
  return updated;
}

async function addLine(id, line) {
  const { orders } = await collections();
  const result = await orders.updateOne(
    { _id: toObjectId(id), status: "new" },
    {
      $push: { lines: line },
      $inc: { total: line.quantity * line.unitPrice },
      $currentDate: { updatedAt: true },
    },
  );
  if (result.matchedCount === 0) {
    throw new NotFoundError("open order");
  }
  return result.modifiedCount;
}

async function cancelStale(olderThan) {
  const { orders } = await collections();
  const result = await orders.updateMany(
    { status: "new", createdAt: { $lt: olderThan } },
    { $set: { status: "cancelled", updatedAt: new Date() } },
  );
  return result.modifiedCount;
}

async function purgeCancelled(before) {
  const { orders, events } = await collections();
  const stale = await orders
    .find({ status: "cancelled", updatedAt: { $lt: before } }, { projection: { _id: 1 } })
    .toArray();
  const ids = stale.map((doc) => doc._id);
  if (ids.length === 0) {
    return 0;
  }
  await events.deleteMany({ orderId: { $in: ids } });
  const { deletedCount } = await orders.deleteMany({ _id: { $in: ids } });
  return deletedCount;
}

async function deleteOrder(id) {
  const { orders } = await collections();
  const removed = await orders.findOneAndDelete({ _id: toObjectId(id), status: "new" });
  if (removed === null) {
    throw new NotFoundError("open order");
  }
  return removed;
}

async function countByStatus() {
  const { orders } = await collections();
  const [open, total] = await Promise.all([
    orders.countDocuments({ status: { $in: ["new", "paid"] } }),
    orders.estimatedDocumentCount(),
  ]);
  return { open, total };
}

async function revenueByCustomer(since) {
  const { orders } = await collections();
  return orders
    .aggregate([
      { $match: { status: "paid", createdAt: { $gte: since } } },
      { $group: { _id: "$customerId", revenue: { $sum: "$total" }, orders: { $sum: 1 } } },
      { $sort: { revenue: -1 } },
      { $limit: 20 },
      {
        $lookup: {
          from: "customers",
          localField: "_id",
          foreignField: "_id",
          as: "customer",
          pipeline: [{ $project: { name: 1, email: 1 } }],
        },
      },
      { $unwind: "$customer" },
    ])
    .toArray();
}

async function* exportOrders(filter) {
  const { orders } = await collections();
  const cursor = orders.find(filter).sort({ _id: 1 }).batchSize(500);
  for await (const order of cursor) {
    yield order;
  }
}

/** Moves an order to another customer and records it, atomically. */
async function transferOrder(id, toCustomerId) {
  const { orders, customers, events } = await collections();
  const session = client.startSession();
  try {
    return await session.withTransaction(async () => {
      const customer = await customers.findOne({ _id: toObjectId(toCustomerId) }, { session });
      if (!customer) {
        throw new NotFoundError("customer");
      }
      const order = await orders.findOneAndUpdate(
        { _id: toObjectId(id) },
        { $set: { customerId: customer._id, updatedAt: new Date() } },
        { session, returnDocument: "after" },
      );
      if (!order) {
        throw new NotFoundError("order");
      }
      await events.insertOne({ orderId: order._id, type: "transferred", at: new Date() }, { session });
      return order;
    });
  } finally {
    await session.endSession();
  }
}

async function applyPriceChanges(changes) {
  const { orders } = await collections();
  const operations = changes.map(({ sku, unitPrice }) => ({
    updateMany: {
      filter: { status: "new", "lines.sku": sku },
      update: { $set: { "lines.$[line].unitPrice": unitPrice, updatedAt: new Date() } },
      arrayFilters: [{ "line.sku": sku }],
    },
  }));
  if (operations.length === 0) {
    return 0;
  }
  const result = await orders.bulkWrite(operations, { ordered: false });
  return result.modifiedCount;
}

module.exports = {
  NotFoundError,
  createOrder,
  importOrders,
  getOrder,
  listOrders,
  updateStatus,
  addLine,
  cancelStale,
  purgeCancelled,
  deleteOrder,
  countByStatus,
  revenueByCustomer,
  exportOrders,
  transferOrder,
  applyPriceChanges,
};
