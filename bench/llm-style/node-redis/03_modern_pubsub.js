// redis@4.7.1
// Publish order events and consume them on a separate connection.
import { createClient } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", (err) => console.error("Redis Client Error", err));
await client.connect();

const subscriber = client.duplicate();
subscriber.on("error", (err) => console.error("Redis Subscriber Error", err));
await subscriber.connect();

await subscriber.subscribe("orders", (message, channel) => {
  const order = JSON.parse(message);
  console.log(channel, order.id);
});

export async function publishOrder(order) {
  return client.publish("orders", JSON.stringify(order));
}

export async function stop() {
  await subscriber.unsubscribe("orders");
  await subscriber.quit();
  await client.quit();
}
