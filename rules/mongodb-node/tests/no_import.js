// mongosh scripts and code that import neither `mongodb` nor `mongoose` are not judged by
// this pack (mongosh still provides insert/update/remove/count as deprecated helpers).
// ok: collection-insert-removed
db.users.insert({ name: "ada" });
// ok: collection-update-removed
db.users.update({ _id: 1 }, { $set: { name: "x" } });
// ok: collection-remove-removed
db.users.remove({ status: "expired" });
// ok: collection-ensure-index-removed
db.users.ensureIndex({ email: 1 });
// ok: model-count-removed
User.count({ active: true });
// ok: objectid-without-new
const id = mongoose.Types.ObjectId("64c4204517f785be30795c92");
