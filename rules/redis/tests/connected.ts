// Connected (or exported for another module to connect): not reported.
import { createClient } from 'redis';

// ok: node-client-never-connected
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err: Error) => console.error(err));
await client.connect();

// ok: node-lowercase-command-removed
const n: number = await client.incr('hits');
// expect: node-lowercase-command-removed
await client.zadd('board', 10, 'alice');
// expect: node-create-client-url-string
const other = createClient('redis://replica:6379');
