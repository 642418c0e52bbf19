// node-redis v3 pub/sub and connection idioms, and v4 APIs removed in v5.
const redis = require('redis');
const { createClient, commandOptions } = require('redis');
const { EventEmitter } = require('events');
const net = require('net');

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));
await client.connect();
const subscriber = client.duplicate();
await subscriber.connect();

// ---------------------------------------------------------------- pub/sub events
// expect: node-pubsub-message-event-removed
subscriber.on('message', (channel, message) => {
  console.log(channel, message);
});
// expect: node-pubsub-message-event-removed
subscriber.on("pmessage", function (pattern, channel, message) {});
// expect: node-pubsub-message-event-removed
subscriber.once('subscribe', (channel, count) => console.log('subscribed', count));
// expect: node-pubsub-message-event-removed
subscriber.addListener('messageBuffer', (channel, buf) => {});
// Events that still exist.
// ok: node-pubsub-message-event-removed
client.on('ready', () => console.log('ready'));
// ok: node-pubsub-message-event-removed
client.on('end', () => console.log('closed'));
// Other emitters' `message` events.
const bus = new EventEmitter();
// ok: node-pubsub-message-event-removed
bus.on('message', (m) => console.log(m));
// ok: node-pubsub-message-event-removed
process.on('message', (m) => console.log(m));
// ok: node-pubsub-message-event-removed
ws.on('message', (data) => console.log(data));

// ---------------------------------------------------------------- subscribe
// expect: node-subscribe-callback-is-listener
subscriber.subscribe('news', (err, count) => {
  if (err) throw err;
  console.log('subscribed to', count, 'channels');
});
// expect: node-subscribe-callback-is-listener
subscriber.pSubscribe('news.*', function (error) {});
// ok: node-subscribe-callback-is-listener, node-subscribe-without-listener
await subscriber.subscribe('news', (message, channel) => console.log(message, channel));
// ok: node-subscribe-callback-is-listener, node-subscribe-without-listener
await subscriber.subscribe(['news', 'alerts'], (message) => handle(message), true);
// expect: node-subscribe-without-listener
await subscriber.subscribe('news');
// expect: node-subscribe-without-listener
subscriber.subscribe('news', 'alerts');
// expect: node-subscribe-without-listener
await subscriber.PSUBSCRIBE('user:*');
// Another client's subscribe (NATS, MQTT, a message bus).
// ok: node-subscribe-without-listener
nats.subscribe('news');
// ok: node-subscribe-callback-is-listener
mqttClient.subscribe('sensors/#', (err, granted) => {});
// ok: node-subscribe-without-listener
bus.subscribe('news', 'alerts');

// ---------------------------------------------------------------- createClient options
const prefixed = createClient({
  url: process.env.REDIS_URL,
  // expect: node-create-client-removed-options
  prefix: 'app:',
  // expect: node-create-client-removed-options
  enable_offline_queue: false,
});
await prefixed.connect();
// expect: node-create-client-removed-options
const renamed = redis.createClient({ rename_commands: { KEYS: 'SAFE_KEYS' } });
await renamed.connect();
// ok: node-create-client-removed-options
const modern = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true });
// Another library's prefix option.
// ok: node-create-client-removed-options
const store = new RedisStore({ client, prefix: 'sess:' });

// ---------------------------------------------------------------- end()
// expect: node-end-removed
client.end(true);
// expect: node-end-removed
subscriber.end();
// ok: node-end-removed
await client.quit();
// Streams and sockets have end().
// ok: node-end-removed
res.end('done');
const socket = net.connect(6379);
// ok: node-end-removed
socket.end();

// ---------------------------------------------------------------- v5 removals
// expect: node-command-options-removed
const buf = await client.get(commandOptions({ returnBuffers: true }), 'avatar');
// expect: node-command-options-removed
const raw = await client.get(client.commandOptions({ returnBuffers: true }), 'avatar');
// expect: node-command-options-removed
await client.blPop(redis.commandOptions({ isolated: true }), 'queue', 0);
// ok: node-command-options-removed
const proxy = client.withCommandOptions({ typeMapping: {} });

// expect: node-execute-isolated-removed
await client.executeIsolated(async (isolated) => {
  await isolated.watch('balance');
});
// expect: node-execute-isolated-removed
await this.redis.executeIsolated((c) => c.blPop('queue', 0));
// ok: node-execute-isolated-removed
await pool.execute((c) => c.ping());

// ---------------------------------------------------------------- v3 connection options
const secure = createClient({
  url: 'rediss://cache.internal:6380',
  // expect: node-create-client-v3-socket-options
  tls: { rejectUnauthorized: false },
  // expect: node-create-client-v3-socket-options
  retry_strategy: (options) => Math.min(options.attempt * 100, 3000),
  // expect: node-create-client-v3-socket-options
  connect_timeout: 10000,
  // expect: node-create-client-v3-socket-options
  auth_pass: process.env.REDIS_PASSWORD,
});
await secure.connect();
// The v4 spelling, under `socket`.
const secure4 = createClient({
  url: 'rediss://cache.internal:6380',
  password: process.env.REDIS_PASSWORD,
  // ok: node-create-client-v3-socket-options
  socket: { tls: true, connectTimeout: 10000, reconnectStrategy: (retries) => retries * 100 },
});
await secure4.connect();
// A nested `prefix` is not the client's option.
// ok: node-create-client-removed-options
const nested = createClient({ url: process.env.REDIS_URL, socket: { prefix: 'x' } });
await nested.connect();

// ---------------------------------------------------------------- v5 scan iterators
async function sweep() {
  // expect: node-scan-iterator-yields-batches
  for await (const key of client.scanIterator({ MATCH: 'session:*' })) {
    await client.del(key);
  }
  // expect: node-scan-iterator-yields-batches
  for await (const { field, value } of client.hScanIterator('user:1')) console.log(field, value);
  // expect: node-scan-iterator-yields-batches
  for await (let member of subscriber.sScanIterator('online')) console.log(member);
  // ok: node-scan-iterator-yields-batches
  for await (const keys of client.scanIterator({ COUNT: 500 })) await client.del(keys);
  // ok: node-scan-iterator-yields-batches
  for await (const entries of client.hScanIterator('user:1')) console.log(entries);
  // Another library's iterator.
  // ok: node-scan-iterator-yields-batches
  for await (const key of store.scanIterator()) console.log(key);
}
