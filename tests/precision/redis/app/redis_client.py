"""One Redis client for the whole process, built from the environment."""

from __future__ import annotations

import os
from functools import lru_cache

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")


@lru_cache(maxsize=1)
def get_pool() -> redis.ConnectionPool:
    """A connection pool shared by every client in this process."""
    return redis.ConnectionPool.from_url(
        REDIS_URL,
        max_connections=int(os.environ.get("REDIS_MAX_CONNECTIONS", "50")),
        socket_timeout=5,
        socket_connect_timeout=2,
        health_check_interval=30,
        decode_responses=True,
    )


@lru_cache(maxsize=1)
def get_redis() -> redis.Redis:
    """The application's Redis client (thread-safe; share it)."""
    return redis.Redis(
        connection_pool=get_pool(),
        retry=Retry(ExponentialBackoff(cap=2, base=0.05), retries=3),
        retry_on_error=[RedisConnectionError],
    )


def make_client(url: str) -> redis.Redis:
    """A client for another instance (used by the maintenance scripts)."""
    return redis.Redis.from_url(url, decode_responses=True, encoding="utf-8")
