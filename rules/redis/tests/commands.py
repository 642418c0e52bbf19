# KEYS and FLUSHALL/FLUSHDB through redis-py (sync and asyncio).
import pytest
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


# Test code may flush a throw-away database.
@pytest.fixture
def clean_redis():
    # ok: flush-in-application-code
    r.flushdb()
    yield r
    # ok: flush-in-application-code
    r.flushdb()


def test_counter_increments():
    # ok: flush-in-application-code
    r.flushdb()
    assert r.incr("n") == 1


class CacheTests:
    def setUp(self):
        # ok: flush-in-application-code
        self.r.flushall()

    def helper(self):
        # ok: flush-in-application-code
        self.r.flushdb()


# nose / pytest module-level setup and teardown functions, by name.
def setup():
    # ok: flush-in-application-code
    r.flushdb()


def teardown():
    # ok: flush-in-application-code
    r.flushall()


def setup_module(module):
    # ok: flush-in-application-code
    r.flushdb()


async def asyncTearDown():
    # ok: flush-in-application-code
    await redis_client.flushdb()


# Only the function's name counts: not a name that merely starts with "setup", and not
# "setup"/"test" elsewhere in an application function.
def setupcache():
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
