// mongodb@6.10.0
// Create a MongoClient that connects over TLS with a custom CA and a client certificate.
const { MongoClient } = require("mongodb");

const client = new MongoClient(process.env.MONGODB_URI, {
  ssl: true,
  // deprecated: sslCA option
  sslCA: "/etc/ssl/mongo-ca.pem",
  // deprecated: sslCert option
  sslCert: "/etc/ssl/client-cert.pem",
  // deprecated: sslKey option
  sslKey: "/etc/ssl/client-key.pem",
  // deprecated: sslValidate option
  sslValidate: true,
  // deprecated: keepAlive option
  keepAlive: true,
  maxPoolSize: 20,
});

module.exports = async function connect() {
  await client.connect();
  return client.db("secure");
};
