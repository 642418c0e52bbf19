// A v4 client in legacy mode keeps the v3 interface.
const redis = require('redis');

const client = redis.createClient({ legacyMode: true });
client.connect();
// ok: node-callback-api-removed
client.get('greeting', (err, reply) => console.log(reply));
// ok: node-set-expiry-arguments
client.set('k', 'v', 'EX', 60, (err) => {});
// ok: node-lowercase-command-removed
client.hgetall('user:1', (err, user) => {});
