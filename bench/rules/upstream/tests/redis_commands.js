// Cases of the redis rules in the benchmark pack: node-redis and ioredis.
import { createClient } from 'redis';
import Redis from 'ioredis';
import _ from 'lodash';

const client = await createClient({ url: process.env.REDIS_URL }).connect();
const ioredis = new Redis(process.env.REDIS_URL);

export async function invalidate(userId, pattern) {
  // expect: redis--keys-command
  const keys = await client.keys(`session:${userId}:*`);
  // expect: redis--keys-command
  const cached = await ioredis.keys('cache:*');
  // expect: redis--keys-command
  const byVariable = await client.keys(pattern);
  // ok: redis--keys-command
  for await (const key of client.scanIterator({ MATCH: `session:${userId}:*` })) {
    await client.unlink(key);
  }
  return [keys, cached, byVariable];
}

const settings = { a: 1 };
// ok: redis--keys-command
const names = Object.keys(settings);
// ok: redis--keys-command
const lodashNames = _.keys(settings);
// ok: redis--keys-command
const mapKeys = new Map().keys();
// ok: redis--keys-command
const viaCallback = storage.keys((err, list) => list);
