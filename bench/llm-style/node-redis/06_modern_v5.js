// redis@5.8.2
// Same as before on node-redis v5: binary reads through a proxy client, blocking pops on a pool.
import { createClient, createClientPool, RESP_TYPES } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", (err) => console.error(err));
await client.connect();

const pool = await createClientPool({ url: process.env.REDIS_URL })
  .on("error", (err) => console.error(err))
  .connect();

const binary = client.withCommandOptions({ typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } });

export async function getImage(id) {
  return binary.get(`img:${id}`);
}

export async function popJob(queue) {
  return pool.blPop(queue, 5);
}

export async function shutdown() {
  await pool.close();
  await client.close();
}
