// Express app sharing the connected node-redis client.
import express from 'express';
import { connectRedis, redis } from './redisClient.js';
import { cacheJson, countHit, loadProfile, saveProfile, topScores, recordScore } from './cache.js';

const app = express();
app.use(express.json());

app.get('/health', async (req, res) => {
  res.json({ redis: await redis.ping(), size: await redis.dbSize() });
});

app.get('/profiles/:id', async (req, res) => {
  await countHit('/profiles');
  const profile = await loadProfile(req.params.id);
  if (!profile) {
    res.sendStatus(404);
    return;
  }
  res.json(profile);
});

app.put('/profiles/:id', async (req, res) => {
  await saveProfile({ userId: req.params.id, name: req.body.name, plan: req.body.plan ?? 'free' });
  res.sendStatus(204);
});

app.get('/reports/:name', async (req, res) => {
  const report = await cacheJson(`report:${req.params.name}`, 300, async () => ({
    name: req.params.name,
    generatedAt: new Date().toISOString(),
  }));
  res.json(report);
});

app.post('/scores/:board', async (req, res) => {
  await recordScore(req.params.board, req.body.player, Number(req.body.score));
  res.json(await topScores(req.params.board, 5));
});

app.get('/config', (req, res) => {
  const settings = { region: process.env.REGION, stage: process.env.STAGE };
  res.json({ keys: Object.keys(settings) });
});

await connectRedis();
app.listen(Number(process.env.PORT ?? 3000));
