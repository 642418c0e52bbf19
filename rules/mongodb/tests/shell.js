// mongosh script: deprecated counting methods.

// expect: collection-count-deprecated
print(db.orders.count());
// expect: collection-count-deprecated
const open = db.orders.count({ status: "A" });
// expect: collection-count-deprecated
db.getSiblingDB("shop").getCollection("orders").count({ status: "D" }, { limit: 100 });
// expect: collection-count-deprecated
db["order-lines"].count();
// ok: collection-count-deprecated
db.orders.countDocuments({ status: "A" });
// ok: collection-count-deprecated
db.orders.estimatedDocumentCount();
// Not a collection of the shell's db: an array, a Map, a helper object.
// ok: collection-count-deprecated
const n = [1, 2, 3].filter(Boolean).length + stats.count();
// ok: collection-count-deprecated
db.getName().count();

// expect: cursor-count-deprecated
db.orders.find({ status: "A" }).count();
// expect: cursor-count-deprecated
db.orders.find().count();
// expect: cursor-count-deprecated
if (db.getCollection("orders").find({ qty: { $gt: 10 } }).count(true) > 0) print("some");
// A projection argument has no countDocuments equivalent: not reported (the fix would be wrong).
// ok: cursor-count-deprecated
db.orders.find({ status: "A" }, { _id: 1 }).count();
// ok: cursor-count-deprecated
db.orders.countDocuments({ status: "A" });
