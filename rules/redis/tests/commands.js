// KEYS and FLUSHALL/FLUSHDB through node-redis v4+ and ioredis.
import { createClient } from 'redis';
import Redis from 'ioredis';
import _ from 'lodash';

const client = await createClient({ url: process.env.REDIS_URL }).connect();
const ioredis = new Redis(process.env.REDIS_URL);

export async function invalidate(userId) {
  // expect: keys-command
  const keys = await client.keys(`session:${userId}:*`);
  // expect: keys-command
  const cached = await ioredis.keys('cache:*');
  // expect: keys-command
  const byVariable = await client.keys(pattern);
  // ok: keys-command
  for await (const key of client.scanIterator({ MATCH: `session:${userId}:*` })) {
    await client.unlink(key);
  }
  return [keys, cached, byVariable];
}

const settings = { a: 1 };
// ok: keys-command
const names = Object.keys(settings);
// ok: keys-command
const lodashNames = _.keys(settings);
// ok: keys-command
const mapKeys = new Map().keys();
// ok: keys-command
const viaCallback = storage.keys((err, list) => list);

export async function resetCache() {
  // expect: flush-in-application-code
  await client.flushAll();
  // expect: flush-in-application-code
  await ioredis.flushdb();
  // expect: flush-in-application-code
  await client.flushDb('ASYNC');
}

// Test code in a file that is not a test file by its name (`context: application`): the
// callbacks of Jest/Mocha/Vitest tests and hooks, and what they define.
beforeEach(async () => {
  // ok: flush-in-application-code
  await client.flushAll();
});

describe('cache', () => {
  afterAll(async function () {
    // ok: flush-in-application-code
    await ioredis.flushdb();
  });

  it('starts empty', async () => {
    // ok: flush-in-application-code
    await client.flushDb();
    // ok: keys-command
    expect(await client.keys('cache:*')).toEqual([]);
  });

  it.each([['a'], ['b']])('lists %s', async (prefix) => {
    const listed = async () => {
      // ok: keys-command
      return ioredis.keys(`${prefix}:*`);
    };
    expect(await listed()).toEqual([]);
  });

  test.concurrent('counts', async () => {
    // ok: keys-command
    expect((await client.keys('n:*')).length).toBe(0);
  });
});

// Not test calls: a method named `test`, a function named `describe` given no callback, and
// an application's `it`-like names on an object.
export async function check(pattern) {
  // expect: keys-command
  if (/session/.test(await client.keys(pattern))) {
    return describe(await client.flushAll()); // expect: flush-in-application-code
  }
  return router.it('x', async () => {
    // expect: flush-in-application-code
    await client.flushAll();
  });
}

// ok: flush-in-application-code
await client.del('cache:home');
