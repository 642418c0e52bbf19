"use strict";

const express = require("express");
const mongoose = require("mongoose");
const db = require("./db");
const { NotFoundError } = require("./services/orders");
const ordersRouter = require("./routes/orders");
const customersRouter = require("./routes/customers");

const app = express();
app.disable("x-powered-by");
app.use(express.json({ limit: "1mb" }));

app.get("/healthz", async (req, res) => {
  const [driver, odm] = await Promise.all([db.ping(), Promise.resolve(mongoose.connection.readyState === 1)]);
  res.status(driver && odm ? 200 : 503).json({ driver, mongoose: odm });
});

app.use("/orders", ordersRouter);
app.use("/customers", customersRouter);

app.use((err, req, res, next) => {
  if (err instanceof NotFoundError || err.status === 404) {
    return res.status(404).json({ error: err.message });
  }
  if (err.name === "ValidationError" || err.name === "CastError") {
    return res.status(400).json({ error: err.message });
  }
  console.error(err);
  res.status(500).json({ error: "internal error" });
});

async function main() {
  const database = await db.connect();
  await db.ensureIndexes(database);
  await mongoose.connect(process.env.MONGODB_URI || "mongodb://localhost:27017/shop", {
    autoIndex: process.env.NODE_ENV !== "production",
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: 20,
  });

  const port = Number(process.env.PORT || 3000);
  const server = app.listen(port, () => console.log(`listening on ${port}`));

  const shutdown = (signal) => {
    console.log(`${signal}: shutting down`);
    server.close(async (err) => {
      await Promise.allSettled([db.close(), mongoose.disconnect()]);
      process.exit(err ? 1 : 0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
