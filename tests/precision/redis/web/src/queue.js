// A job queue on ioredis, whose API keeps lower-case commands and positional SET options.
import Redis from 'ioredis';

const connection = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
  maxRetriesPerRequest: 3,
  enableReadyCheck: true,
});

export async function enqueue(queue, job) {
  const id = await connection.incr(`queue:${queue}:seq`);
  await connection
    .multi()
    .hset(`job:${id}`, { queue, payload: JSON.stringify(job), state: 'waiting' })
    .lpush(`queue:${queue}`, id)
    .exec();
  return id;
}

export async function reserve(queue, timeoutSeconds = 5) {
  const popped = await connection.brpoplpush(`queue:${queue}`, `queue:${queue}:active`, timeoutSeconds);
  if (!popped) {
    return null;
  }
  await connection.set(`job:${popped}:lease`, process.pid, 'EX', 30, 'NX');
  const job = await connection.hgetall(`job:${popped}`);
  return { id: popped, ...job };
}

export async function complete(queue, id) {
  await connection.lrem(`queue:${queue}:active`, 1, id);
  await connection.hset(`job:${id}`, 'state', 'done');
  await connection.expire(`job:${id}`, 86400);
}

export function scanJobs(onKeys) {
  const stream = connection.scanStream({ match: 'job:*', count: 200 });
  stream.on('data', (keys) => onKeys(keys));
  return new Promise((resolve) => stream.on('end', resolve));
}

export async function shutdown() {
  await connection.quit();
}
