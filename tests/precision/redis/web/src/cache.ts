// Cache and session helpers on node-redis v4+/v5 (Promises, camelCase commands, option objects).
import { redis } from './redisClient.js';

export interface Profile {
  userId: string;
  name: string;
  plan: string;
}

const SESSION_TTL_SECONDS = 12 * 60 * 60;

export async function cacheJson<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit !== null) {
    return JSON.parse(hit) as T;
  }
  const value = await load();
  await redis.set(key, JSON.stringify(value), { EX: ttlSeconds });
  return value;
}

export async function acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
  const result = await redis.set(`lock:${name}`, owner, { NX: true, PX: ttlMs });
  return result === 'OK';
}

export async function saveProfile(profile: Profile): Promise<void> {
  await redis.hSet(`profile:${profile.userId}`, {
    userId: profile.userId,
    name: profile.name,
    plan: profile.plan,
  });
}

export async function loadProfile(userId: string): Promise<Profile | null> {
  const fields = await redis.hGetAll(`profile:${userId}`);
  if (Object.keys(fields).length === 0) {
    return null;
  }
  return { userId: fields.userId, name: fields.name, plan: fields.plan };
}

export async function createSession(userId: string, token: string): Promise<void> {
  await redis
    .multi()
    .set(`session:${token}`, userId, { EX: SESSION_TTL_SECONDS })
    .sAdd(`user_sessions:${userId}`, token)
    .exec();
}

export async function revokeSessions(userId: string): Promise<number> {
  const tokens = await redis.sMembers(`user_sessions:${userId}`);
  if (tokens.length === 0) {
    return 0;
  }
  await redis.unlink(tokens.map((token) => `session:${token}`));
  await redis.del(`user_sessions:${userId}`);
  return tokens.length;
}

export async function purgePrefix(prefix: string): Promise<number> {
  let deleted = 0;
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
    if (keys.length > 0) {
      deleted += await redis.unlink(keys);
    }
  }
  return deleted;
}

export async function recordScore(board: string, player: string, score: number): Promise<void> {
  await redis.zAdd(`leaderboard:${board}`, { score, value: player }, { GT: true });
}

export async function topScores(board: string, n = 10): Promise<Array<{ value: string; score: number }>> {
  return redis.zRangeWithScores(`leaderboard:${board}`, 0, n - 1, { REV: true });
}

export async function countHit(path: string): Promise<number> {
  const key = `hits:${path}`;
  const hits = await redis.incr(key);
  await redis.expire(key, 86_400);
  return hits;
}

export function headerNames(headers: Record<string, string>): string[] {
  return Object.keys(headers).sort();
}
