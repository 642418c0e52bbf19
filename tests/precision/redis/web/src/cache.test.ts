// Tests run against a dedicated database and flush it between cases.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redis, connectRedis, closeRedis } from './redisClient.js';
import { acquireLock, cacheJson, purgePrefix } from './cache.js';

beforeAll(async () => {
  await connectRedis();
});

beforeEach(async () => {
  await redis.flushDb();
});

afterAll(async () => {
  await closeRedis();
});

describe('cache', () => {
  it('loads once', async () => {
    let calls = 0;
    const load = async () => ({ calls: ++calls });
    await cacheJson('k', 60, load);
    await cacheJson('k', 60, load);
    expect(calls).toBe(1);
  });

  it('locks', async () => {
    expect(await acquireLock('job', 'a', 1000)).toBe(true);
    expect(await acquireLock('job', 'b', 1000)).toBe(false);
  });

  it('purges by prefix', async () => {
    await redis.set('tmp:1', 'x');
    await redis.set('tmp:2', 'y');
    expect(await purgePrefix('tmp')).toBe(2);
  });
});
