// TypeScript: same rules.
import { createClient, type RedisClientType } from 'redis';

const client: RedisClientType = createClient({ url: process.env.REDIS_URL });
await client.connect();

export async function sessionKeys(userId: string): Promise<string[]> {
  // expect: keys-command
  return client.keys(`session:${userId}:*`);
}

export async function wipe(): Promise<void> {
  // expect: flush-in-application-code
  await client.flushAll();
}

const record: Record<string, number> = { a: 1 };
// ok: keys-command
const names: string[] = Object.keys(record);
