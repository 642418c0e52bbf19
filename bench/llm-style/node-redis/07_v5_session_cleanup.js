// redis@5.8.2
// Delete all keys matching "session:*" without blocking Redis (no KEYS command).
import { createClient } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", (err) => console.error(err));
await client.connect();

export async function clearSessions() {
  let deleted = 0;
  // deprecated: scanIterator yields batches
  for await (const key of client.scanIterator({ MATCH: "session:*", COUNT: 100 })) {
    await client.del(key);
    deleted++;
  }
  return deleted;
}
