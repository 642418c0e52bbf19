// node-redis and ioredis clients created inside an Express handler.
const express = require('express');
const redis = require('redis');
const Redis = require('ioredis');

const app = express();
const router = express.Router();
// ok: client-per-request
const shared = redis.createClient({ url: process.env.REDIS_URL });
shared.connect();

app.get('/counter', async (req, res) => {
  // expect: client-per-request
  const client = redis.createClient({ url: process.env.REDIS_URL });
  await client.connect();
  res.json({ hits: await client.incr('hits') });
  await client.quit();
});

router.post('/events', async (req, res) => {
  // expect: client-per-request
  const io = new Redis(process.env.REDIS_URL);
  await io.xadd('events', '*', 'body', JSON.stringify(req.body));
  res.sendStatus(204);
});

app.get('/shared', async (req, res) => {
  // ok: client-per-request
  res.json(await shared.get('k'));
});

function makeClient() {
  // ok: client-per-request
  return new Redis(process.env.REDIS_URL);
}

module.exports = { app, router, makeClient };
