// redis@4.7.1
// Listen for cache invalidation messages and clear the local cache entry.
const { createClient } = require("redis");

const cache = new Map();
const client = createClient({ url: process.env.REDIS_URL });
const sub = client.duplicate();

async function listen() {
  await client.connect();
  await sub.connect();
  // deprecated: subscribe error-first callback
  sub.subscribe("cache:invalidate", (err, count) => {
    if (err) {
      console.error("subscribe failed", err);
      return;
    }
    console.log(`subscribed to ${count} channel(s)`);
  });
  // deprecated: pmessage event
  sub.on("pmessage", (pattern, channel, key) => cache.delete(key));
}

listen();
