"""Pytest fixtures for a throw-away Redis database."""

from __future__ import annotations

import os

import pytest
import redis

TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://localhost:6379/15")


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(TEST_URL, decode_responses=True)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def test_session_roundtrip(redis_client):
    from app.store import SessionStore

    store = SessionStore(redis_client)
    token = store.create("u1", {"ua": "pytest"})
    assert store.get(token)["user_id"] == "u1"
    assert list(store.iter_sessions())
