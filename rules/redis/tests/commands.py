# KEYS and FLUSHALL/FLUSHDB through redis-py (sync and asyncio).
import functools
import unittest

import pytest
import pytest_asyncio
import redis
import redis.asyncio as aioredis

r = redis.Redis(host="localhost", decode_responses=True)
redis_client = redis.Redis.from_url("redis://localhost:6379/0")


def invalidate_user_sessions(user_id):
    # expect: keys-command
    for key in r.keys(f"session:{user_id}:*"):
        r.delete(key)
    # expect: keys-command
    stale = redis_client.keys(pattern="cache:*")
    # expect: keys-command
    everything = redis_client.keys()
    # ok: keys-command
    for key in r.scan_iter(match=f"session:{user_id}:*", count=500):
        r.unlink(key)
    return stale, everything


async def list_jobs(client: aioredis.Redis, prefix):
    # expect: keys-command
    return await client.keys(prefix + "*")


# dict.keys() takes no argument: never the KEYS command.
settings = {"a": 1}
# ok: keys-command
names = list(settings.keys())
# ok: keys-command
config_keys = self.redis_config.keys()
# ok: keys-command
as_list = dict.keys(settings)
# ok: keys-command
spread = r.keys(*patterns)
# ok: keys-command
tables = hdf_store.keys(include="native")


def reset_cache():
    # expect: flush-in-application-code
    r.flushdb()
    # expect: flush-in-application-code
    redis_client.flushall(asynchronous=True)


async def reset_async(client: aioredis.Redis):
    # expect: flush-in-application-code
    await client.flushall()


# A receiver nothing says anything about: `flushall` is also a cache wrapper's or a fake's.
def reset_anything(cache):
    # ok: flush-in-application-code
    cache.flushall()


# Test code (`context: application`) may flush a throw-away database and list its keys,
# also in a file that is not a test file by its name: pytest fixtures and tests, unittest
# hooks and test classes, and whatever is defined inside them.
@pytest.fixture
def clean_redis():
    # ok: flush-in-application-code
    r.flushdb()
    yield r
    # ok: keys-command
    assert r.keys("*") == []
    # ok: flush-in-application-code
    r.flushdb()


@pytest.fixture(scope="session")
async def session_redis():
    # ok: flush-in-application-code
    await redis_client.flushall()
    yield redis_client


@pytest.mark.usefixtures("settings")
@pytest_asyncio.fixture
async def async_redis():
    client = aioredis.Redis()
    # ok: flush-in-application-code
    await client.flushdb()
    yield client


def test_counter_increments():
    # ok: flush-in-application-code
    r.flushdb()
    assert r.incr("n") == 1
    # ok: keys-command
    assert r.keys("n*") == ["n"]


def test_scan_finds_what_keys_finds():
    def written():
        # ok: keys-command
        return set(r.keys("user:*"))

    assert set(r.scan_iter(match="user:*")) == written()


class CacheTests:
    def setUp(self):
        # ok: flush-in-application-code
        r.flushall()

    def helper(self):
        # ok: flush-in-application-code, keys-command
        return r.flushdb(), r.keys("cache:*")


class TestSessions:
    def check_empty(self):
        # ok: keys-command
        assert not r.keys("session:*")


class SessionStoreCase(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        # ok: flush-in-application-code
        await redis_client.flushdb()

    async def test_listing(self):
        # ok: keys-command
        self.assertEqual(await aioredis.Redis().keys("s:*"), [])


# pytest's module-level setup and teardown functions, by name.
def setup_module(module):
    # ok: flush-in-application-code
    r.flushdb()


def teardown_module(module):
    # ok: flush-in-application-code
    r.flushall()


async def asyncTearDown():
    # ok: flush-in-application-code
    await redis_client.flushdb()


# Application code: a plain `setup()` or `teardown()` is an application's name too (nose's
# module hooks of that name live in test files, which the rules skip), and a class whose
# name only contains "Test" is not a test class.
def setup():
    # expect: flush-in-application-code
    r.flushdb()


def teardown():
    # expect: flush-in-application-code
    r.flushall()


class ABTestAssignments:
    def reset(self):
        # expect: flush-in-application-code
        r.flushdb()

    def variants(self):
        # expect: keys-command
        return r.keys("abtest:*")


@functools.cache
def cached_keys():
    # expect: keys-command
    return r.keys("config:*")


# Only the function's name counts: not a name that merely starts with "setup" or "test",
# and not "setup"/"test" elsewhere in an application function.
def setupcache():
    # expect: flush-in-application-code
    r.flushdb()


def testify_cache():
    # expect: flush-in-application-code
    r.flushdb()


def reset_after_setup():
    setup = True
    # expect: flush-in-application-code
    r.flushall()


def clear(test=False):
    # expect: flush-in-application-code
    r.flushdb()


# ok: flush-in-application-code
r.delete("cache:home")
