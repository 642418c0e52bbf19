// redis@4.7.1
// A small cache module whose keys are namespaced with "app:", with a close() function.
const { createClient } = require("redis");

const client = createClient({
  url: process.env.REDIS_URL,
  // deprecated: prefix option
  prefix: "app:",
});
client.on("error", (err) => console.error(err));

async function init() {
  await client.connect();
}

async function get(key) {
  const raw = await client.get(key);
  return raw ? JSON.parse(raw) : null;
}

async function set(key, value, ttlSeconds = 300) {
  await client.set(key, JSON.stringify(value), { EX: ttlSeconds });
}

function close() {
  // deprecated: client.end
  client.end(true);
}

module.exports = { init, get, set, close };
