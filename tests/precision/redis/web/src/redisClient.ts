// One node-redis client for the process, connected at startup.
import { createClient, type RedisClientType } from 'redis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379';

export const redis: RedisClientType = createClient({
  url,
  socket: {
    connectTimeout: 5_000,
    reconnectStrategy: (retries: number) => Math.min(retries * 50, 2_000),
  },
  database: Number(process.env.REDIS_DB ?? 0),
});

redis.on('error', (err: Error) => {
  console.error('Redis client error', err);
});

export async function connectRedis(): Promise<void> {
  if (!redis.isOpen) {
    await redis.connect();
  }
}

export async function closeRedis(): Promise<void> {
  if (redis.isOpen) {
    await redis.quit();
  }
}
