// redis@5.8.2
// Read an image stored as raw bytes, and pop jobs from a queue without blocking the main client.
// deprecated: commandOptions
import { createClient, commandOptions } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", (err) => console.error(err));
await client.connect();

export async function getImage(id) {
  // deprecated: commandOptions
  return client.get(commandOptions({ returnBuffers: true }), `img:${id}`);
}

export async function popJob(queue) {
  // deprecated: executeIsolated
  return client.executeIsolated((isolated) => isolated.blPop(queue, 5));
}
