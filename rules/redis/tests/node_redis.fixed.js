// node-redis v3 idioms on a v4+ client.
const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));
await client.connect();
// Clients are known from where they come from (types-node.yaml).
const redisClient = client.duplicate();

// ---------------------------------------------------------------- callbacks
// expect: node-callback-api-removed
client.get('greeting', (err, reply) => {
  console.log(reply);
});
// expect: node-callback-api-removed, node-lowercase-command-removed
client.hgetall('user:1', function (err, user) { render(user); });
// expect: node-callback-api-removed
client.set('greeting', 'hello', redis.print);
// expect: node-callback-api-removed
redisClient.expire('k', 60, err => { if (err) throw err; });
// ok: node-callback-api-removed
const greeting = await client.get('greeting');
// The v4 subscribe listener is a (message, channel) function.
// ok: node-callback-api-removed
await subscriber.subscribe('news', (message, channel) => console.log(message, channel));
// Other libraries' node-style callbacks.
// ok: node-callback-api-removed
fs.readFile('a.txt', (err, data) => {});
// ok: node-callback-api-removed
db.get('SELECT 1', (err, row) => {});
// An application's own callback-style wrapper, of unknown type or known to be one.
// ok: node-callback-api-removed
redisService.get('k', (err, value) => {});
const memo = { get(key, done) { done(null, key); } };
// ok: node-callback-api-removed
memo.get('k', (err, value) => {});
// Express handlers are (req, res).
// ok: node-callback-api-removed
app.get('/x', (req, res) => res.send('ok'));
// A MULTI chain's exec takes no callback (v4+ reads it as `execAsPipeline`).
// expect: node-callback-api-removed
client.multi().set('a', '1').del('b').exec(function (err, replies) {});
// The chain goes on through sorted-set commands (Kue's ZPOP).
// expect: node-callback-api-removed, node-lowercase-command-removed
client.multi().zrange('q', 0, 0).zremrangebyrank('q', 0, 0).exec(function (err, res) {});
const batch = client.multi().incr('hits');
// expect: node-callback-api-removed
batch.exec((err, replies) => console.log(replies));
// ok: node-callback-api-removed
const replies = await client.multi().set('a', '1').exec();
// expect: node-lowercase-command-removed
client.multi().hset('h', 'f', 'v');
// A callback a helper of the file makes (Kue's `get(fn, order)`).
function collect(fn) {
  return function (err, ids) {
    fn(err, ids);
  };
}
// expect: node-callback-api-removed
client.get('jobs', collect(done));
// A callback bound to its object is still the callback.
// expect: node-callback-api-removed
client.get('jobs', function (err, ids) {}.bind(this));
// A helper that returns a key, not a callback.
function keyOf(name) {
  return 'q:' + name;
}
// ok: node-callback-api-removed
client.get(keyOf('a'));
// Callbacks handed on by a wrapper's parameter.
function setting(name, fn) {
  // expect: node-callback-api-removed, node-lowercase-command-removed
  client.hget('settings', name, fn);
}
function remember(key, value, cb) {
  // expect: node-callback-api-removed
  client.set(key, value, cb || noop);
}
// A value that is not a callback, and a wrapper that is not a client.
function store(key, payload) {
  // ok: node-callback-api-removed
  client.set(key, payload);
}
function lookup(key, fn) {
  // ok: node-callback-api-removed
  cache.get(key, fn);
}

// ---------------------------------------------------------------- SET modifiers
// expect: node-set-expiry-arguments
await client.set('session:1', token, { 'EX': 3600 });
// expect: node-set-expiry-arguments
await client.set('lock', owner, { 'PX': 30000 });
// ok: node-set-expiry-arguments
await client.set('session:1', token, { EX: 3600 });
// expect: node-set-flag-arguments
await client.set('lock', owner, { 'NX': true });
// ok: node-set-flag-arguments
await client.set('lock', owner, { NX: true, PX: 30000 });
// ok: node-set-flag-arguments
await client.set('key', 'value');
// A Map's set is not SET.
// ok: node-set-flag-arguments, node-set-expiry-arguments
cache.set('k', 'NX');

// ---------------------------------------------------------------- lower-case commands
// expect: node-lowercase-command-removed
const user = await client.hgetall('user:1');
// expect: node-lowercase-command-removed
await client.setex('otp:1', 300, code);
// expect: node-lowercase-command-removed
await client.lpush('queue', job);
// expect: node-lowercase-command-removed
await client.hmset('user:1', { name: 'Ada' });
// ok: node-lowercase-command-removed
const user2 = await client.hGetAll('user:1');
// ok: node-lowercase-command-removed
await client.HGETALL('user:1');
// ok: node-lowercase-command-removed
await client.expire('otp:1', 300);
// ok: node-lowercase-command-removed
const total = Math.max(1, 2);
// Unknown receivers count for names only Redis clients have, known other objects do not.
// expect: node-lowercase-command-removed
await cacheClient.hgetall('user:1');
const fakeRedis = { hgetall: (key) => ({ key }) };
// ok: node-lowercase-command-removed
fakeRedis.hgetall('user:1');

// ---------------------------------------------------------------- createClient arguments
// expect: node-create-client-url-string
const fromUrl = redis.createClient({ url: 'redis://cache.internal:6379' });
// expect: node-create-client-url-string
const fromTemplate = redis.createClient({ url: `redis://${host}:6379/1` });
// ok: node-create-client-url-string
const withUrl = redis.createClient({ url: 'redis://cache.internal:6379' });
// expect: node-create-client-v3-options
const byPort = redis.createClient(6379, 'cache.internal');
// expect: node-create-client-v3-options
const hostPort = redis.createClient({ host: 'cache.internal', port: 6379 });
// expect: node-create-client-v3-options
const shorthand = redis.createClient({ host, port, password });
// expect: node-create-client-v3-options
const withDb = redis.createClient({ url: process.env.REDIS_URL, db: 2 });
// ok: node-create-client-v3-options
const socket = redis.createClient({ socket: { host: 'cache.internal', port: 6379 }, database: 2 });
// ok: node-create-client-v3-options, node-create-client-url-string
const fromOptions = redis.createClient(options);

// A comment that names ioredis (a file that does not import it) is still node-redis code.
function touch(key) {
  // expect: node-callback-api-removed
  client.expire(key, 60, (err) => console.log(err));
}
