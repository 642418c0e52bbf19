import { createClient, type RedisClientType } from 'redis';

// A parameter annotated as a node-redis client.
export async function listen(subscriber: RedisClientType): Promise<void> {
  // expect: node-pubsub-message-event-removed
  subscriber.on('message', (channel: string, message: string) => console.log(channel, message));
  // expect: node-subscribe-without-listener
  await subscriber.subscribe('jobs');
  // ok: node-subscribe-without-listener, node-subscribe-callback-is-listener
  await subscriber.subscribe('jobs', (message: string, channel: string) => console.log(message, channel));
}

export async function shutdown(client: RedisClientType): Promise<void> {
  // expect: node-end-removed
  client.end(true);
  // ok: node-end-removed
  await client.quit();
}

// A client of unknown type: `executeIsolated` is reported, `subscribe` and `on` are not.
export async function work(redis: any, socket: any): Promise<void> {
  // expect: node-execute-isolated-removed
  await redis.executeIsolated(async (c: any) => c.blPop('queue', 0));
  // ok: node-subscribe-without-listener
  await redis.subscribe('jobs');
  // ok: node-pubsub-message-event-removed
  socket.on('message', (m: string) => m);
}

export const client = createClient({ url: process.env.REDIS_URL });
