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

// Vitest in TypeScript: a hook's callback is test code.
beforeAll(async (): Promise<void> => {
  // ok: flush-in-application-code
  await client.flushAll();
});

describe.each(['a', 'b'])('prefix %s', (prefix: string) => {
  it('is empty', async () => {
    // ok: keys-command
    expect(await client.keys(`${prefix}:*`)).toEqual([]);
  });
});
