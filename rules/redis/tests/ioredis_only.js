// ioredis keeps lower-case commands, callbacks and positional SET options.
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
// ok: node-set-expiry-arguments
await redis.set('session:1', token, 'EX', 3600);
// ok: node-lowercase-command-removed
await redis.hgetall('user:1');
// ok: node-callback-api-removed
redis.get('greeting', (err, reply) => console.log(reply));
