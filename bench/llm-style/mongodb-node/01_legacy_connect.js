// mongodb@6.10.0
// Write a Node.js function that connects to a local MongoDB and returns the "shop" database.
const { Db, Server } = require("mongodb");

function getDb(callback) {
  // deprecated: mongodb.Server
  const server = new Server("localhost", 27017, { auto_reconnect: true });
  const db = new Db("shop", server);
  // deprecated: Db.open
  db.open(function (err, database) {
    if (err) return callback(err);
    callback(null, database);
  });
}

module.exports = { getDb };
