// redis@4.7.1
// Connect to a managed Redis over TLS with a password and a retry policy.
const { createClient } = require("redis");

const client = createClient({
  url: `redis://${process.env.REDIS_HOST}:6380`,
  // deprecated: auth_pass option
  auth_pass: process.env.REDIS_PASSWORD,
  // deprecated: tls top-level option
  tls: { servername: process.env.REDIS_HOST },
  // deprecated: retry_strategy option
  retry_strategy: (options) => Math.min(options.attempt * 100, 3000),
});
client.on("error", (err) => console.error("Redis error", err));

async function init() {
  await client.connect();
  return client;
}

module.exports = { init };
