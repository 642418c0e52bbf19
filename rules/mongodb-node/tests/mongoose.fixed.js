// Mongoose 5/6-era code and its Mongoose 8 equivalents.
const mongoose = require("mongoose");
const { Schema, Types } = require("mongoose");
const { exec } = require("child_process");
const _ = require("lodash");

// expect: mongoose-connect-options-no-effect, mongoose-connect-topology-options-removed
mongoose.connect(process.env.MONGODB_URI, { useUnifiedTopology: true });
// expect: mongoose-connect-options-unsupported
mongoose.connect(uri, { autoIndex: false });
// expect: mongoose-connect-options-unsupported
const legacyOptions = {};
// ok: mongoose-connect-options-no-effect, mongoose-connect-topology-options-removed, mongoose-connect-options-unsupported
mongoose.connect(uri, { autoIndex: false, maxPoolSize: 20 });
// A connection option in a `createConnection()` too.
// expect: mongoose-connect-options-unsupported
const conn = mongoose.createConnection(uri, {});
// Mongoose 5's per-query `useFindAndModify`: ignored since Mongoose 6, not a connect() error.
// ok: mongoose-connect-options-unsupported
await User.findOneAndUpdate({ email }, { name }, { new: true, useFindAndModify: false });
// ok: mongoose-connect-options-unsupported
await User.findOneAndDelete({ email }, { useFindAndModify: false });
// ok: mongoose-connect-options-unsupported
User.findOne({ email }).setOptions({ useFindAndModify: false });

// expect: mongoose-set-option-unsupported
mongoose.set("useFindAndModify", false);
// expect: mongoose-set-option-unsupported
mongoose.set("useCreateIndex", true);
// ok: mongoose-set-option-unsupported
mongoose.set("strictQuery", true);

const userSchema = new Schema({ name: String, email: String, plan: String });
// expect: remove-middleware-removed
userSchema.pre("deleteOne", { document: true, query: false }, async function () {
  await Post.deleteMany({ author: this._id });
});
// expect: remove-middleware-removed
userSchema.post("deleteOne", { document: true, query: false }, cleanup);
// ok: remove-middleware-removed
userSchema.pre("deleteOne", { document: true, query: false }, cleanup);
// ok: remove-middleware-removed
userSchema.pre("save", cleanup);
// Receivers are known from where they come from (types.yaml): a model from
// `mongoose.model()` or a connection's `model()`, a document from `new Model()`.
const User = mongoose.model("User", userSchema);
const userModel = mongoose.connection.model("Member", userSchema);
const user = new User({ name: "ada" });
const db = { Session: mongoose.model("Session", new Schema({ expires: Date })) };

// --- callbacks, removed in Mongoose 7 ---
// expect: model-callback-removed
User.find({}, function (err, docs) {
  console.log(docs);
});
// expect: model-callback-removed
User.findById(id, (err, user) => {});
// expect: model-callback-removed
userModel.findOneAndUpdate({ _id: id }, { $set: { name } }, { new: true }, (error, doc) => {});
// expect: document-query-callback-removed
User.findOne({ email }).select("name").exec((err, user) => {});
// expect: document-query-callback-removed
user.save(function (err) {});
// expect: document-query-callback-removed
user.save({ validateBeforeSave: false }, (err, saved) => {});
// expect: document-query-callback-removed
post.populate("author", (err, populated) => {});
// expect: document-query-callback-removed
mongoose.connect(uri, {}, (err) => {});
// ok: model-callback-removed, document-query-callback-removed
const found = await User.find({});
// ok: model-callback-removed, document-query-callback-removed
User.findOne({ email }).then((user) => console.log(user));
// ok: model-callback-removed
User.findOne({ email }).then((user) => res.json(user)).catch((err) => next(err));
// ok: document-query-callback-removed
await user.save();
// express-session's save, and child_process.exec.
// ok: document-query-callback-removed
req.session.save((err) => res.redirect("/"));
// ok: document-query-callback-removed
exec("ls -la", (err, stdout) => {});
// An array's find.
const users = [{ active: true }];
// ok: model-callback-removed
const first = users.find((e) => e.active);
// An application's own class with `save(cb)`, `count()` and `remove()`.
class Basket {
  save(cb) { cb(null); }
  count() { return 0; }
  remove() {}
}
const basket = new Basket();
// ok: document-query-callback-removed
basket.save((err) => {});
// ok: model-count-removed, model-count-deprecated
basket.count();
// ok: document-remove-removed
basket.remove();

// --- remove / update / mapReduce, removed in Mongoose 7 ---
// expect: model-remove-removed
await User.deleteMany({ plan: "trial" });
// expect: model-remove-removed
await db.Session.deleteMany();
// expect: model-remove-removed
await User.deleteMany(
  { plan: "trial", createdAt: { $lt: cutoff }, email: { $exists: false } },
);
// ok: model-remove-removed
await User.deleteMany({ plan: "trial" });
// On a known model, a filter in a variable counts too.
// expect: model-remove-removed
await User.deleteMany(conditions);
// expect: document-remove-removed
await user.deleteOne();
// ok: document-remove-removed
await user.deleteOne();
// ok: document-remove-removed, model-remove-removed
user.tags.remove("old");
// ok: document-remove-removed
_.remove(list, (n) => n > 2);
// ok: document-remove-removed
element.remove();
// ok: document-remove-removed
el.remove();

// expect: model-update-removed
await User.updateOne({ _id: id }, { $set: { plan: "pro" } });
// expect: model-update-removed
await userModel.updateOne({ plan: "trial" }, { plan: "free" }, { multi: true });
// ok: model-update-removed
await User.updateOne({ _id: id }, { $set: { plan: "pro" } });
// A Sequelize model in the same code base.
// ok: model-update-removed
await Account.update({ plan: "pro" }, { where: { id: 1 } });
// An Immutable.js map.
// ok: model-update-removed
settings.update("count", 0, (n) => n + 1);

// expect: mongoose-map-reduce-removed
await Order.mapReduce({ map, reduce });
// ok: mongoose-map-reduce-removed
await Order.aggregate([{ $group: { _id: "$customerId", n: { $sum: 1 } } }]);

// expect: objectid-without-new
const oid = new mongoose.Types.ObjectId(req.params.id);
// expect: objectid-without-new
const fresh = Types.ObjectId();
// ok: objectid-without-new
const good = new mongoose.Types.ObjectId(req.params.id);
// ok: objectid-without-new
const valid = mongoose.Types.ObjectId.isValid(req.params.id);

// --- removed in Mongoose 8 ---
// expect: find-one-and-remove-removed
await User.findOneAndDelete({ email });
// ok: find-one-and-remove-removed
await User.findOneAndDelete({ email });
// expect: find-by-id-and-remove-removed
await User.findByIdAndDelete(id);
// ok: find-by-id-and-remove-removed
await User.findByIdAndDelete(id);

// expect: model-count-removed, model-count-deprecated
const n = await User.countDocuments({ plan: "pro" });
// expect: model-count-removed, model-count-deprecated
const m = await User.find({ plan: "pro" }).countDocuments();
// ok: model-count-removed, model-count-deprecated
const k = await User.countDocuments({ plan: "pro" });
// A Sequelize count, a Redis client, an array.
// ok: model-count-removed, model-count-deprecated
const s = await Account.count({ where: { plan: "pro" } });
// ok: model-count-removed, model-count-deprecated
const r = await redis.count("key");
// ok: model-count-removed, model-count-deprecated
const c = list.count();

const res = await User.findOneAndUpdate({ email }, { name }, {
  new: true,
  // expect: raw-result-option-removed
  includeResultMetadata: true,
});
// ok: raw-result-option-removed
await User.findOneAndUpdate({ email }, { name }, { includeResultMetadata: true });
// expect: raw-result-option-removed
const updated = await User.findByIdAndUpdate(id, { name }, { new: true, includeResultMetadata: true });
// expect: raw-result-option-removed
const replaced = await User.findOneAndReplace({ email }, { email, name }, { includeResultMetadata: true });
// expect: raw-result-option-removed
const deleted = await User.findOneAndDelete({ email }, { includeResultMetadata: true });
// expect: raw-result-option-removed
const byId = await User.findByIdAndDelete(id, { includeResultMetadata: true, lean: true });
// `insertMany` keeps its `rawResult` in Mongoose 8 and 9 (the driver's InsertManyResult).
// ok: raw-result-option-removed
const inserted = await User.insertMany(docs, { rawResult: true });
// ok: raw-result-option-removed
const partial = await User.insertMany(docs, { ordered: false, rawResult: true });
// A `rawResult` field of the filter or the update is a document's, not an option.
// ok: raw-result-option-removed
await User.findOneAndUpdate({ rawResult: true }, { rawResult: false });
// ok: raw-result-option-removed
await User.findOneAndDelete({ rawResult: true });

// expect: overwrite-option-removed
await User.findOneAndUpdate({ _id: id }, replacement, { overwrite: true });
// ok: overwrite-option-removed
await User.findOneAndReplace({ _id: id }, replacement);
// ok: overwrite-option-removed
await fsx.copy(src, dest, { overwrite: true });
