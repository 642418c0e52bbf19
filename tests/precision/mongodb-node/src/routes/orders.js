"use strict";

const express = require("express");
const orders = require("../services/orders");

const router = express.Router();

// Wraps an async handler so a rejected promise reaches the error middleware.
const handle = (fn) => (req, res, next) => {
  Promise.resolve(fn(req, res, next)).catch(next);
};

const ALLOWED_NEXT = new Map([
  ["new", ["paid", "cancelled"]],
  ["paid", ["shipped", "refunded"]],
  ["shipped", ["delivered"]],
]);

function validateLines(lines) {
  if (!Array.isArray(lines) || lines.length === 0) {
    return "lines must be a non-empty array";
  }
  const bad = lines.find((line) => !line.sku || !(line.quantity > 0) || !(line.unitPrice >= 0));
  return bad ? `invalid line for sku ${bad.sku ?? "?"}` : null;
}

router.get(
  "/",
  handle(async (req, res) => {
    const { customerId, status, before } = req.query;
    res.json(await orders.listOrders({ customerId, status, before }));
  }),
);

router.get(
  "/stats",
  handle(async (req, res) => {
    res.json(await orders.countByStatus());
  }),
);

router.get(
  "/revenue",
  handle(async (req, res) => {
    const since = new Date(req.query.since || Date.now() - 30 * 24 * 3600 * 1000);
    res.json(await orders.revenueByCustomer(since));
  }),
);

router.get(
  "/export",
  handle(async (req, res) => {
    res.type("application/x-ndjson");
    for await (const order of orders.exportOrders({ status: req.query.status || "paid" })) {
      res.write(`${JSON.stringify(order)}\n`);
    }
    res.end();
  }),
);

router.get(
  "/:id",
  handle(async (req, res) => {
    res.json(await orders.getOrder(req.params.id));
  }),
);

router.post(
  "/",
  handle(async (req, res) => {
    const problem = validateLines(req.body.lines);
    if (problem) {
      return res.status(400).json({ error: problem });
    }
    const order = await orders.createOrder(req.body.customerId, req.body.lines);
    res.status(201).location(`/orders/${order._id}`).json(order);
  }),
);

router.post(
  "/:id/lines",
  handle(async (req, res) => {
    const problem = validateLines([req.body]);
    if (problem) {
      return res.status(400).json({ error: problem });
    }
    await orders.addLine(req.params.id, req.body);
    res.status(204).end();
  }),
);

router.patch(
  "/:id/status",
  handle(async (req, res) => {
    const { from, to } = req.body;
    const allowed = ALLOWED_NEXT.get(from) || [];
    if (!allowed.includes(to)) {
      return res.status(409).json({ error: `cannot go from ${from} to ${to}` });
    }
    res.json(await orders.updateStatus(req.params.id, to, from));
  }),
);

router.post(
  "/:id/transfer",
  handle(async (req, res) => {
    res.json(await orders.transferOrder(req.params.id, req.body.customerId));
  }),
);

router.delete(
  "/:id",
  handle(async (req, res) => {
    await orders.deleteOrder(req.params.id);
    res.status(204).end();
  }),
);

module.exports = router;
