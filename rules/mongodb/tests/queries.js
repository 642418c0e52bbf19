// mongosh script: query anti-patterns.

// expect: where-operator-deprecated
db.orders.find({ $where: "this.shipped > this.ordered" });
// expect: where-operator-deprecated
db.orders.find({ status: "A", "$where": function () { return this.qty > 10; } });
// ok: where-operator-deprecated
db.orders.find({ $expr: { $gt: ["$shipped", "$ordered"] } });
// A field that happens to be called "where" is not the operator.
// ok: where-operator-deprecated
db.places.find({ where: "Berlin" });

db.players.aggregate([
  {
    $addFields: {
      // expect: js-function-operator-deprecated
      isFound: { $function: { body: "function(name) { return hex_md5(name) == 'x' }", args: ["$name"], lang: "js" } },
    },
  },
  {
    $group: {
      _id: "$author",
      // expect: js-function-operator-deprecated
      avg: { $accumulator: { init: "function() { return { count: 0, sum: 0 } }", accumulate: "function(s, c) { return s }", accumulateArgs: ["$copies"], merge: "function(a, b) { return a }", lang: "js" } },
    },
  },
]);
// ok: js-function-operator-deprecated
db.players.aggregate([{ $group: { _id: "$team", avg: { $avg: "$score" } } }]);
// ok: js-function-operator-deprecated
const handlers = { function: "onLoad" };

// expect: eval-command-removed
db.eval(function (x) { return x * 2; }, 3);
// expect: eval-command-removed
db.runCommand({ eval: "function () { return db.c.count(); }" });
// expect: eval-command-removed
db.getSiblingDB("test").eval("return 1");
// ok: eval-command-removed
db.runCommand({ ping: 1, eval: false });
// ok: eval-command-removed
const result = eval("1 + 1");

// expect: map-reduce-deprecated
db.orders.mapReduce(function () { emit(this.cust_id, this.price); }, function (k, v) { return Array.sum(v); }, { out: "totals" });
// expect: map-reduce-deprecated
db.getCollection("orders").mapReduce(mapFn, reduceFn, { out: { inline: 1 } });
// expect: map-reduce-deprecated
db.runCommand({ mapReduce: "orders", map: mapFn, reduce: reduceFn, out: "totals" });
// ok: map-reduce-deprecated
db.orders.aggregate([{ $group: { _id: "$cust_id", value: { $sum: "$price" } } }, { $out: "totals" }]);
// ok: map-reduce-deprecated
const totals = [1, 2, 3].map((x) => x * 2).reduce((a, b) => a + b, 0);

// Case-insensitive regexes.
// expect: regex-case-insensitive
db.users.find({ last: /^smith$/i });
// expect: regex-case-insensitive
db.users.find({ last: { $regex: "smith", $options: "i" } });
// expect: regex-case-insensitive
db.users.find({ last: { $regex: /smith/i } });
// expect: regex-case-insensitive
db.users.countDocuments({ email: new RegExp(domain + "$", "i") });
// expect: regex-case-insensitive
db.users.aggregate([{ $match: { city: /^new york/i } }]);
// Case-sensitive regexes can use the index (prefix ones efficiently).
// ok: regex-case-insensitive
db.users.find({ last: /^Smith/ });
// ok: regex-case-insensitive
db.users.find({ last: { $regex: "^Smith", $options: "m" } });
// ok: regex-case-insensitive
db.users.find({ sku: { $regex: /789$/ } });
// Outside a query, a regex is just a regex.
// ok: regex-case-insensitive
const isAdmin = /^admin$/i.test(user.role);
// ok: regex-case-insensitive
const patterns = { name: /smith/i };

// Prefix regexes with a useless trailing .*
// expect: regex-prefix-trailing-wildcard
db.products.find({ sku: /^abc.*/ });
// expect: regex-prefix-trailing-wildcard
db.products.find({ sku: { $regex: /^abc.*$/ } });
// expect: regex-prefix-trailing-wildcard
db.products.find({ sku: { $regex: "^abc.*" } });
// ok: regex-prefix-trailing-wildcard
db.products.find({ sku: /^abc/ });
// ok: regex-prefix-trailing-wildcard
db.products.find({ sku: /^a.c.*/ });
// ok: regex-prefix-trailing-wildcard
db.products.find({ sku: /^(abc|def).*/ });
// ok: regex-prefix-trailing-wildcard
db.products.find({ sku: /abc.*/ });
// A plain string is an equality match, not a regex.
// ok: regex-prefix-trailing-wildcard
db.products.find({ sku: "^abc.*" });

// Deep pagination with skip.
function printStudents(pageNumber, nPerPage) {
  // expect: skip-deep-pagination
  db.students.find().sort({ _id: 1 }).skip(pageNumber > 0 ? ((pageNumber - 1) * nPerPage) : 0).limit(nPerPage).forEach((s) => print(s.name));
}
// expect: skip-deep-pagination
db.events.find({ type: "click" }).skip(250000).limit(50);
// expect: skip-deep-pagination
db.events.aggregate([{ $match: { type: "click" } }, { $skip: (page - 1) * pageSize }, { $limit: pageSize }]);
// ok: skip-deep-pagination
db.events.find({ type: "click" }).skip(20).limit(20);
// ok: skip-deep-pagination
db.events.find({ _id: { $gt: lastId } }).sort({ _id: 1 }).limit(20);
// ok: skip-deep-pagination
db.events.find().skip(offset).limit(20);
