// A test file by its name (`*.test.js`, `*.spec.ts`, files under `__tests__/`): helpers
// outside the test callbacks are test code too.
import { createClient } from 'redis';

const client = await createClient({ url: process.env.REDIS_TEST_URL }).connect();

async function reset() {
  // ok: flush-in-application-code
  await client.flushDb();
}

async function written(prefix) {
  // ok: keys-command
  return (await client.keys(`${prefix}*`)).sort();
}

// ok: flush-in-application-code
await client.flushAll();

test('writes a session', async () => {
  await reset();
  await client.set('session:1', 'x');
  expect(await written('session:')).toEqual(['session:1']);
});
