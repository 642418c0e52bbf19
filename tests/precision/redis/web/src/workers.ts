// Background workers on node-redis v5: a client pool for blocking commands, a proxy client
// for binary values, channel and pattern subscriptions with listeners, and a clean shutdown.
import { createClient, createClientPool, RESP_TYPES } from 'redis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379';

const client = createClient({
  url,
  database: 0,
  socket: { connectTimeout: 5000, reconnectStrategy: (retries: number) => Math.min(retries * 100, 3000) },
  disableOfflineQueue: true,
});
client.on('error', (err: Error) => console.error('redis error', err));
client.on('reconnecting', () => console.warn('redis reconnecting'));
await client.connect();

const pool = await createClientPool({ url })
  .on('error', (err: Error) => console.error('redis pool error', err))
  .connect();

const KEY_PREFIX = 'workers:';
const key = (name: string) => `${KEY_PREFIX}${name}`;

export async function nextJob(queue: string): Promise<string | null> {
  const popped = await pool.blPop(key(`queue:${queue}`), 5);
  return popped ? popped.element : null;
}

export async function transfer(from: string, to: string, amount: number): Promise<boolean> {
  return pool.execute(async (isolated) => {
    await isolated.watch(key(from));
    const balance = Number(await isolated.get(key(from)));
    if (balance < amount) {
      await isolated.unwatch();
      return false;
    }
    const replies = await isolated
      .multi()
      .decrBy(key(from), amount)
      .incrBy(key(to), amount)
      .exec();
    return replies !== null;
  });
}

const binary = client.withCommandOptions({
  typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer },
});

export async function loadThumbnail(id: string): Promise<Buffer | null> {
  return binary.get(key(`thumb:${id}`));
}

export async function watchEvents(onEvent: (channel: string, payload: unknown) => void): Promise<() => Promise<void>> {
  const subscriber = client.duplicate();
  subscriber.on('error', (err: Error) => console.error('subscriber error', err));
  await subscriber.connect();
  await subscriber.subscribe(['jobs:done', 'jobs:failed'], (message: string, channel: string) => {
    onEvent(channel, JSON.parse(message));
  });
  await subscriber.pSubscribe('tenants:*:events', (message: string, channel: string) => {
    onEvent(channel, JSON.parse(message));
  });
  return async () => {
    await subscriber.unsubscribe();
    await subscriber.pUnsubscribe();
    await subscriber.close();
  };
}

export async function shutdown(): Promise<void> {
  await pool.close();
  await client.close();
}

export function abort(): void {
  pool.destroy();
  client.destroy();
}
