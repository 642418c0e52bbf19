// Express API. Handlers share the process-wide client from ./db.
const express = require("express");
const { connect, close } = require("./db");
const orders = require("./orders");

const app = express();
app.use(express.json());

app.get("/orders", async (req, res, next) => {
  try {
    const { status, after } = req.query;
    const limit = Number.parseInt(req.query.limit ?? "20", 10);
    res.json(await orders.listOrders({ status, after, limit }));
  } catch (err) {
    next(err);
  }
});

app.get("/orders/search", async (req, res, next) => {
  try {
    const byName = req.query.customer ? await orders.findByCustomerName(String(req.query.customer)) : [];
    const bySku = req.query.sku ? await orders.searchBySkuPrefix(String(req.query.sku)) : [];
    res.json({ byName, bySku });
  } catch (err) {
    next(err);
  }
});

app.get("/orders/:id", async (req, res, next) => {
  try {
    const order = await orders.findOrder(req.params.id);
    if (!order) return res.sendStatus(404);
    res.json(order);
  } catch (err) {
    next(err);
  }
});

app.post("/orders", async (req, res, next) => {
  try {
    res.status(201).json(await orders.createOrder(req.body));
  } catch (err) {
    next(err);
  }
});

app.post("/orders/:id/ship", async (req, res, next) => {
  try {
    const updated = await orders.markShipped(req.params.id, req.body.carrier);
    if (!updated) return res.sendStatus(409);
    res.json(updated);
  } catch (err) {
    next(err);
  }
});

app.get("/stats", async (req, res, next) => {
  try {
    const [pending, total] = await Promise.all([orders.countByStatus("pending"), orders.totalOrders()]);
    const since = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    res.json({ pending, total, top: await orders.revenueByCustomer(since) });
  } catch (err) {
    next(err);
  }
});

async function main() {
  await connect();
  await orders.ensureIndexes();
  const server = app.listen(process.env.PORT || 3000);
  const shutdown = async () => {
    server.close();
    await close();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
