// Pub/sub with a duplicated connection (node-redis v4+ listener callbacks).
import { redis } from './redisClient.js';

export async function startSubscriber(onMessage: (channel: string, message: string) => void): Promise<() => Promise<void>> {
  const subscriber = redis.duplicate();
  subscriber.on('error', (err: Error) => console.error('subscriber error', err));
  await subscriber.connect();
  await subscriber.subscribe('notifications', (message: string, channel: string) => {
    onMessage(channel, message);
  });
  await subscriber.pSubscribe('orders:*', (message: string, channel: string) => {
    onMessage(channel, message);
  });
  return async () => {
    await subscriber.unsubscribe();
    await subscriber.pUnsubscribe();
    await subscriber.quit();
  };
}

export async function publish(channel: string, payload: unknown): Promise<number> {
  return redis.publish(channel, JSON.stringify(payload));
}
