"""Data-access layer on Redis: sessions, profiles, rate limits, leaderboards, queues."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Iterator

import redis

SESSION_TTL = timedelta(hours=12)


@dataclass
class Profile:
    user_id: str
    name: str
    plan: str
    country: str


class SessionStore:
    def __init__(self, client: redis.Redis, prefix: str = "session") -> None:
        self.r = client
        self.prefix = prefix

    def _key(self, token: str) -> str:
        return f"{self.prefix}:{token}"

    def create(self, user_id: str, data: dict) -> str:
        token = secrets.token_urlsafe(32)
        payload = json.dumps({"user_id": user_id, **data})
        # SET with an expiry; setex(name, time, value) is the same command.
        self.r.set(self._key(token), payload, ex=SESSION_TTL)
        self.r.sadd(f"user_sessions:{user_id}", token)
        return token

    def touch(self, token: str) -> bool:
        return bool(self.r.expire(self._key(token), SESSION_TTL))

    def get(self, token: str) -> dict | None:
        raw = self.r.get(self._key(token))
        return json.loads(raw) if raw else None

    def extend_short(self, token: str, value: str) -> None:
        self.r.setex(self._key(token), 300, value)

    def revoke_all(self, user_id: str) -> int:
        tokens = self.r.smembers(f"user_sessions:{user_id}")
        if not tokens:
            return 0
        with self.r.pipeline() as pipe:
            for token in tokens:
                pipe.unlink(self._key(token))
            pipe.delete(f"user_sessions:{user_id}")
            pipe.execute()
        return len(tokens)

    def iter_sessions(self) -> Iterator[str]:
        """All session keys, incrementally (SCAN, not KEYS)."""
        yield from self.r.scan_iter(match=f"{self.prefix}:*", count=1000)


class ProfileRepository:
    def __init__(self, client: redis.Redis) -> None:
        self.r = client

    def save(self, profile: Profile) -> None:
        self.r.hset(f"profile:{profile.user_id}", mapping=asdict(profile))

    def set_plan(self, user_id: str, plan: str) -> None:
        self.r.hset(f"profile:{user_id}", "plan", plan)

    def load(self, user_id: str) -> Profile | None:
        fields = self.r.hgetall(f"profile:{user_id}")
        if not fields:
            return None
        return Profile(**fields)

    def field_names(self, user_id: str) -> list[str]:
        return list(self.r.hgetall(f"profile:{user_id}").keys())

    def bulk_names(self, user_ids: list[str]) -> dict[str, str | None]:
        with self.r.pipeline(transaction=False) as pipe:
            for user_id in user_ids:
                pipe.hget(f"profile:{user_id}", "name")
            names = pipe.execute()
        return dict(zip(user_ids, names))


class RateLimiter:
    """Fixed-window rate limiting with INCR + EXPIRE."""

    def __init__(self, client: redis.Redis, limit: int, window_seconds: int) -> None:
        self.r = client
        self.limit = limit
        self.window = window_seconds

    def allow(self, subject: str) -> bool:
        window = int(time.time() // self.window)
        key = f"ratelimit:{subject}:{window}"
        with self.r.pipeline() as pipe:
            pipe.incr(key)
            pipe.expire(key, self.window, nx=True)
            count, _ = pipe.execute()
        return int(count) <= self.limit


class Leaderboard:
    def __init__(self, client: redis.Redis, name: str) -> None:
        self.r = client
        self.key = f"leaderboard:{name}"

    def submit(self, player: str, score: float) -> None:
        self.r.zadd(self.key, {player: score}, gt=True)

    def add_many(self, scores: dict[str, float]) -> int:
        return self.r.zadd(self.key, scores)

    def bump(self, player: str, amount: float = 1) -> float:
        return self.r.zincrby(self.key, amount, player)

    def top(self, n: int = 10) -> list[tuple[str, float]]:
        return self.r.zrevrange(self.key, 0, n - 1, withscores=True)

    def remove(self, player: str) -> None:
        self.r.zrem(self.key, player)


class JobQueue:
    def __init__(self, client: redis.Redis, name: str) -> None:
        self.r = client
        self.key = f"queue:{name}"

    def push(self, job: dict) -> None:
        self.r.lpush(self.key, json.dumps(job))

    def pop(self, timeout: int = 5) -> dict | None:
        item = self.r.brpop([self.key], timeout=timeout)
        return json.loads(item[1]) if item else None

    def cancel(self, job: dict) -> int:
        return self.r.lrem(self.key, 0, json.dumps(job))


class FeatureFlags:
    def __init__(self, client: redis.Redis) -> None:
        self.r = client

    def set_many(self, flags: dict[str, str]) -> None:
        self.r.mset({f"flag:{name}": value for name, value in flags.items()})

    def claim(self, name: str, owner: str) -> bool:
        return bool(self.r.msetnx({f"lock:{name}": owner}))

    def get_many(self, names: list[str]) -> dict[str, str | None]:
        values = self.r.mget([f"flag:{name}" for name in names])
        return dict(zip(names, values))


def purge_prefix(client: redis.Redis, prefix: str) -> int:
    """Delete this application's keys under a prefix, without KEYS or FLUSHDB."""
    deleted = 0
    batch: list[str] = []
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        batch.append(key)
        if len(batch) == 500:
            deleted += client.unlink(*batch)
            batch.clear()
    if batch:
        deleted += client.unlink(*batch)
    return deleted
