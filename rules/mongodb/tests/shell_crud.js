// mongosh script: legacy CRUD methods.

// expect: collection-legacy-crud-deprecated
db.people.insert({ name: "Ada", born: 1815 });
// expect: collection-legacy-crud-deprecated
db.people.insert([{ name: "Alan" }, { name: "Grace" }]);
// expect: collection-legacy-crud-deprecated
db.people.update({ name: "Ada" }, { $set: { field: "math" } }, { multi: true });
// expect: collection-legacy-crud-deprecated
db.getCollection("people").remove({ name: "Alan" });
// expect: collection-legacy-crud-deprecated
db.people.save({ _id: 1, name: "Grace" });
// ok: collection-legacy-crud-deprecated
db.people.insertOne({ name: "Ada", born: 1815 });
// ok: collection-legacy-crud-deprecated
db.people.updateMany({ name: "Ada" }, { $set: { field: "math" } });
// ok: collection-legacy-crud-deprecated
db.people.deleteOne({ name: "Alan" });
// Arrays, Sets and Maps have insert-like methods of their own.
// ok: collection-legacy-crud-deprecated
const names = new Set(); names.delete("x"); list.insert(0, "a"); cache.update("k", 1);
