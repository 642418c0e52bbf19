// What a receiver is, inferred from where it came from (types.yaml), in every form the
// engine follows for JavaScript; each with a look-alike that is not a MongoDB collection,
// cursor or client, nor a Mongoose model or document.
const { MongoClient: Client } = require("mongodb");
const mongodb = require("mongodb");
const Db = require("mongodb").Db;
const mongoose = require("mongoose");
const _ = require("lodash");

// new, a static builder, await, method results, reassignment.
const client = new Client(process.env.MONGODB_URI);
const shop = client.db("shop");
// expect: collection-insert-removed
shop.collection("orders").insert({ total: 1 });
const orders = shop.collection("orders");
// expect: collection-update-removed
orders.update({ _id: 1 }, { $set: { total: 2 } });
// expect: collection-remove-removed
orders.remove({ total: 0 });
// A look-alike: the same name rebound to an array, a shadowing block, a callback parameter.
let events = shop.collection("events");
// expect: collection-save-removed
events.save({ kind: "login" });
events = [];
// ok: collection-save-removed
events.save({ kind: "login" });
if (process.env.DRY_RUN) {
  const orders = [];
  // ok: collection-insert-removed
  orders.insert({ total: 1 });
}
// ok: collection-insert-removed
[shop].forEach((orders) => orders.insert({ total: 1 }));

// A name set later, in a function that runs before this one; `var`; a legacy Db.
let connected;
async function start() {
  connected = await Client.connect(process.env.MONGODB_URI);
}
function report() {
  var stats = connected.db("shop").collection("stats");
  // expect: collection-insert-removed
  stats.insert({ at: new Date() });
  const legacy = new Db("shop", new mongodb.Server("localhost", 27017));
  // expect: collection-remove-removed
  legacy.collection("sessions").remove({});
  // An error in a `catch` is not the collection of the same name outside.
  try {
    stats.drop();
  } catch (stats) {
    // ok: collection-insert-removed
    stats.insert({ at: new Date() });
  }
}

// Cursors: find() and its modifiers, aggregate(); not a jQuery `find`.
// expect: cursor-each-removed
orders.find({ total: { $gt: 1 } }).sort({ total: -1 }).limit(5).each((err, order) => {});
// expect: cursor-each-removed
orders.aggregate([{ $match: {} }]).each(function (err, row) {});
// ok: cursor-each-removed
$("ul").find("li").each((err, el) => {});

// Destructuring reads a property; an array pattern is unknown.
const { audit } = { audit: shop.collection("audit"), retries: 3 };
// expect: collection-insert-removed
audit.insert({ action: "start" });
const [first] = [shop.collection("first")];
// ok: collection-insert-removed
first.insert({ n: 1 });

// Parentheses, `?:` and `||` when both sides agree; not when they differ.
const target = process.env.ARCHIVE ? shop.collection("archive") : shop.collection("orders");
// expect: collection-update-removed
(target).update({ _id: 1 }, { $set: { archived: true } });
const either = process.env.ARCHIVE ? shop.collection("archive") : [];
// ok: collection-update-removed
either.update({ _id: 1 }, { $set: { archived: true } });

// What functions return: a declaration, an arrow function's expression, an object's method.
function usersCollection() {
  return client.db("app").collection("users");
}
const sessionsOf = (db) => shop.collection(`sessions_${db}`);
const store = { carts() { return shop.collection("carts"); }, names: ["a", "b"] };
// expect: collection-save-removed
usersCollection().save({ name: "ada" });
// expect: collection-remove-removed
sessionsOf("eu").remove({ expired: true });
// expect: collection-insert-removed
store.carts().insert({ items: [] });
// ok: collection-insert-removed
store.names.insert({ items: [] });
function usersList() {
  return [];
}
// ok: collection-save-removed
usersList().save({ name: "ada" });

// Classes: `this.x` set in the constructor, a field, a getter, a static method; `this`.
class Repository {
  cache = new Map();

  constructor() {
    this.items = shop.collection("items");
  }

  get logs() {
    return shop.collection("logs");
  }

  static archive() {
    return shop.collection("archive");
  }

  async add(item) {
    // expect: collection-insert-removed
    await this.items.insert({ ...item, addedAt: new Date() });
    // expect: collection-insert-removed
    await this.logs.insert({ added: item._id });
    // ok: collection-update-removed
    this.cache.update(item._id, { $set: item });
  }
}
// expect: collection-remove-removed
Repository.archive().remove({ old: true });
// expect: collection-remove-removed
new Repository().items.remove({ sold: true });

// A client's connect with a callback; not a client of another library.
const callbackClient = new mongodb.MongoClient(process.env.MONGODB_URI);
// expect: connect-callback-removed
callbackClient.connect((err) => {});
const redisLike = { connect(cb) { cb(null); } };
// ok: connect-callback-removed
redisLike.connect((err) => {});

// Driver-only names are reported on an unknown receiver, not on a known other one.
// expect: collection-find-and-modify-removed
legacyCollection.findAndModify({ _id: 1 }, [], { $inc: { n: 1 } });
const counters = new Map();
// ok: collection-find-and-modify-removed
counters.findAndModify({ _id: 1 }, [], { $inc: { n: 1 } });

// Mongoose: models from mongoose.model() and a connection, documents from `new`, awaited
// single-document queries and `for await` over a query.
const userSchema = new mongoose.Schema({ name: String });
const User = mongoose.model("User", userSchema);
const conn = mongoose.createConnection(process.env.MONGODB_URI);
const Audit = conn.model("Audit", new mongoose.Schema({ action: String }));
// expect: model-remove-removed
User.remove({ name: "ada" });
// expect: model-remove-removed
Audit.remove({});
// expect: model-count-removed, model-count-deprecated
User.where({ name: "ada" }).count();
async function cleanUp(id) {
  const found = await User.findById(id).select("name");
  // expect: document-remove-removed
  await found.remove();
  const doc = new User({ name: "bob" });
  // expect: document-query-callback-removed
  doc.save((err) => {});
  for await (const each of User.find({})) {
    // expect: document-remove-removed
    await each.remove();
  }
  // A lean query gives plain objects.
  const plain = await User.findOne({}).lean();
  // ok: document-remove-removed
  plain.remove();
  // ok: document-remove-removed
  _.remove([doc], (d) => d.name);
}

// A class extending mongoose.Model is a model, its instances documents.
class Account extends mongoose.Model {
  static inactive() {
    // expect: model-count-removed, model-count-deprecated
    return this.count({ active: false });
  }

  close(done) {
    // expect: document-query-callback-removed
    this.save(function (err) { done(err); });
  }
}
// expect: model-remove-removed
Account.remove({});
// expect: document-remove-removed
new Account({}).remove();
// A driver collection's mapReduce is not a model's.
// expect: collection-map-reduce-removed
// ok: mongoose-map-reduce-removed
orders.mapReduce(map, reduce);

// The static connect: a Db before driver 3.0, the client since; what is called tells.
// expect: connect-callback-removed
Client.connect(process.env.MONGODB_URI, function (err, legacy) {
  // expect: collection-insert-removed
  legacy.collection("logs").insert({ at: Date.now() });
});
// A map the file fills by name, read back by another key.
const connections = {};
connections[process.env.DB] = client.db(process.env.DB);
// expect: collection-remove-removed
connections[current].collection("sessions").remove({ expired: true });
// A look-alike: a map of arrays.
const queues = {};
queues[name] = [];
// ok: collection-insert-value-removed
queues[other].insert(job, 0);
