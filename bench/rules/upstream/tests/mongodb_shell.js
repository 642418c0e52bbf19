// Cases of the mongodb rules in the benchmark pack: a mongosh script (no import, require or
// export), from rules/mongodb/tests/.

// expect: mongodb--where-operator-deprecated
db.orders.find({ $where: "this.shipped > this.ordered" });
// expect: mongodb--where-operator-deprecated
db.orders.find({ status: "A", "$where": function () { return this.qty > 10; } });
// ok: mongodb--where-operator-deprecated
db.orders.find({ $expr: { $gt: ["$shipped", "$ordered"] } });
// A field that happens to be called "where" is not the operator.
// ok: mongodb--where-operator-deprecated
db.places.find({ where: "Berlin" });

// expect: mongodb--map-reduce-deprecated
db.orders.mapReduce(function () { emit(this.cust_id, this.price); }, function (k, v) { return Array.sum(v); }, { out: "totals" });
// expect: mongodb--map-reduce-deprecated
db.getCollection("orders").mapReduce(mapFn, reduceFn, { out: { inline: 1 } });
// expect: mongodb--map-reduce-deprecated
db.runCommand({ mapReduce: "orders", map: mapFn, reduce: reduceFn, out: "totals" });
// ok: mongodb--map-reduce-deprecated
db.orders.aggregate([{ $group: { _id: "$cust_id", value: { $sum: "$price" } } }, { $out: "totals" }]);
// ok: mongodb--map-reduce-deprecated
const totals = [1, 2, 3].map((x) => x * 2).reduce((a, b) => a + b, 0);

// expect: mongodb--shard-key-monotonic
sh.shardCollection("shop.orders", { _id: 1 });
// expect: mongodb--shard-key-monotonic
sh.shardCollection("iot.readings", { ts: 1 }, false, { collation: { locale: "simple" } });
// expect: mongodb--shard-key-monotonic
sh.shardCollection("audit.log", { "created_at": 1 });
// expect: mongodb--shard-key-monotonic
sh.shardCollection("metrics.samples", { "meta.timestamp": 1 });
// ok: mongodb--shard-key-monotonic
sh.shardCollection("shop.orders", { _id: "hashed" });
// ok: mongodb--shard-key-monotonic
sh.shardCollection("app.users", { userId: 1 });
// ok: mongodb--shard-key-monotonic
sh.shardCollection("hr.people", { birthDate: 1 });
// ok: mongodb--shard-key-monotonic
db.orders.createIndex({ createdAt: 1 });
// ok: mongodb--shard-key-monotonic
sh.shardCollection("shop.orders", { customerId: 1, createdAt: 1 });
db.adminCommand({
  shardCollection: "shop.orders",
  // expect: mongodb--shard-key-monotonic
  key: { _id: 1 },
});
db.getSiblingDB("admin").runCommand({
  shardcollection: "audit.log",
  // expect: mongodb--shard-key-monotonic
  key: { timestamp: 1 },
});
