// redis@4.7.1
// Subscribe to the "notifications" channel and log every message.
const redis = require("redis");

const subscriber = redis.createClient({ url: process.env.REDIS_URL });

async function start() {
  await subscriber.connect();
  // deprecated: subscribe without listener
  await subscriber.subscribe("notifications");
  // deprecated: message event
  subscriber.on("message", (channel, message) => {
    console.log(`[${channel}] ${message}`);
  });
}

start();
