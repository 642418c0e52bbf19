// A v3-style script: the client is created and used, and never connected.
const redis = require('redis');

// expect: node-client-never-connected
const client = redis.createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));

async function main() {
  await client.ping();
}
main();
