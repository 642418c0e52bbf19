// Files that use MongoDB or Mongoose next to other libraries whose methods have the same
// names: none of these calls is the MongoDB driver's or Mongoose's.
const { MongoClient } = require("mongodb");
const mongoose = require("mongoose");
const { Map: ImmutableMap, List } = require("immutable");
const { createClient } = require("redis");
const { Sequelize, DataTypes } = require("sequelize");
const knex = require("knex")({ client: "pg" });
const _ = require("lodash");

const sequelize = new Sequelize(process.env.PG_URL);
const Invoice = sequelize.define("Invoice", { total: DataTypes.INTEGER });
const redis = createClient();

async function reconcile(items, cache) {
  // A Sequelize model: update(values, { where }), count({ where }).
  // ok: collection-update-removed, model-update-removed
  await Invoice.update({ total: 0 }, { where: { id: 1 } });
  // ok: model-count-removed, model-count-deprecated
  const unpaid = await Invoice.count({ where: { paid: false } });

  // Immutable.js maps and lists: update, remove, count, insert.
  let settings = ImmutableMap({ retries: 1 });
  // ok: collection-update-removed, model-update-removed
  settings = settings.update("retries", (n) => n + 1);
  // ok: collection-remove-removed, document-remove-removed, model-remove-removed
  settings = settings.remove("retries");
  // ok: model-count-removed, model-count-deprecated
  const size = settings.count();
  // ok: collection-insert-removed, collection-insert-many-removed
  const list = List([1, 2]).insert(1, 5);

  // Arrays and lodash.
  // ok: collection-remove-removed, document-remove-removed
  _.remove(items, (item) => item.done);
  // ok: model-callback-removed, operation-callback-removed
  const open = items.find((e) => !e.done);
  // ok: cursor-each-removed
  _.each(items, (item) => console.log(item));

  // Redis (callback API of redis v3, and v4 promises).
  // ok: operation-callback-removed, model-callback-removed
  cache.exists("lock", (err, reply) => {});
  // ok: model-count-removed
  await redis.sCard("online");

  // knex query builder.
  // ok: collection-insert-removed
  await knex("audit").insert({ action: "reconcile" });
  // ok: collection-update-removed
  await knex("audit").where({ id: 1 }).update({ action: "done" });
  // ok: collection-remove-removed
  await knex("audit").where({ id: 2 }).del();
  return [unpaid, size, list, open];
}
