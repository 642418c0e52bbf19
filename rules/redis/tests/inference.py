# What a receiver is, inferred from where it came from (types.yaml), in every form the
# engine follows; each with a look-alike that is not a redis-py client.
from typing import Optional

import redis
import redis.asyncio as aioredis
from redis import Redis, StrictRedis
from redis.cluster import RedisCluster
from redis.sentinel import Sentinel

# Constructors, the module-level factory and the classmethod builders.
plain = Redis(host="localhost")
# expect: strictredis-alias
strict = StrictRedis()
by_url = redis.from_url("redis://localhost:6379/0")
built = Redis.from_url("redis://localhost:6379/0")
pooled = Redis.from_pool(redis.ConnectionPool.from_url("redis://localhost"))
cluster = RedisCluster.from_url("redis://localhost:7000")
# expect: keys-command
plain.keys()
# expect: keys-command
strict.keys()
# expect: flush-in-application-code
by_url.flushdb()
# expect: flush-in-application-code
built.flushall()
# expect: flush-in-application-code
pooled.flushdb()
# expect: keys-command
cluster.keys()

# A dict, a list, a pool and a reply are not clients.
settings = {"a": 1}
# ok: keys-command
settings.keys()
pool = redis.ConnectionPool(host="localhost")
# ok: keys-command
pool.keys()
# hgetall's reply is a dict: its keys() takes no pattern, and is no KEYS.
# ok: keys-command
fields = plain.hgetall("user:1").keys()
# ok: hmset-deprecated
settings.hmset("k", {"a": 1})

# Method chains: a pipeline, whose commands return the pipeline; a dedicated connection;
# the Sentinel's master.
pipe = plain.pipeline()
# expect: flush-in-application-code
pipe.set("a", 1).incr("b").flushdb()
# expect: keys-command
plain.pipeline(transaction=False).keys()
# expect: flush-in-application-code
plain.client().flushall()
sentinel = Sentinel([("localhost", 26379)])
# expect: flush-in-application-code
sentinel.master_for("mymaster").flushdb()
# expect: setex-argument-order
pipe.setex("k", "v", 60).execute()

# Tuple targets, pairwise; a walrus; `with ... as`.
primary, cache = Redis(), {}
# expect: keys-command
primary.keys()
# ok: keys-command
cache.keys()
if (conn := redis.Redis.from_url("redis://localhost")) is not None:
    # expect: flush-in-application-code
    conn.flushdb()
with Redis() as scoped:
    # expect: keys-command
    scoped.keys()
with scoped.pipeline() as batch:
    # expect: zadd-mapping-required
    batch.zadd("board", "alice", 10)


# Parameter annotations: plain, dotted, Optional, quoted; the asyncio client awaited.
def purge(client: Redis, maybe: Optional[redis.Redis], quoted: "Redis", other):
    # expect: flush-in-application-code
    client.flushdb()
    # expect: flush-in-application-code
    maybe.flushall()
    # expect: keys-command
    quoted.keys()
    # A parameter nothing says anything about: `keys()` and the flushes are not reported...
    # ok: keys-command
    other.keys()
    # ok: flush-in-application-code
    other.flushdb()
    # ...but `keys(pattern)` is no dict's, and `hmset` only Redis has.
    # expect: keys-command
    other.keys("session:*")
    # expect: hmset-deprecated
    other.hmset("user:1", {"name": "Ada"})


async def purge_async(client: aioredis.Redis):
    # expect: flush-in-application-code
    await client.flushdb()
    async with client.pipeline() as apipe:
        # expect: flush-in-application-code
        apipe.flushall()
    fresh = await aioredis.from_url("redis://localhost")
    # expect: keys-command
    await fresh.keys()


# Return annotations, and what a function returns.
def get_redis() -> Redis:
    return make()


def make():
    return redis.Redis(host="localhost")


# expect: flush-in-application-code
get_redis().flushdb()
# expect: keys-command
make().keys()


# An attribute set in one method and used in another; a subclass of the client; the
# application's own class with `keys`, `flushall` and `hmset` methods.
class SessionStore:
    def __init__(self, url):
        self.redis = redis.Redis.from_url(url)
        self.index = LocalIndex()

    def clear(self):
        # expect: flush-in-application-code
        self.redis.flushdb()
        # ok: flush-in-application-code
        self.index.flushall()
        # ok: keys-command
        return self.index.keys("session:*")

    def save(self, name, fields):
        # ok: hmset-deprecated
        self.index.hmset(name, fields)


class TracingRedis(redis.Redis):
    pass


# expect: flush-in-application-code
TracingRedis().flushall()


class LocalIndex:
    def keys(self, pattern):
        return []

    def flushall(self):
        pass

    def hmset(self, name, fields):
        pass


# A for loop binds what its iterable's type `iterates`; nothing says what a list holds, so
# its items are unknown: neither the dict's keys() nor the client's flush is reported.
for row in [{"a": 1}, {"b": 2}]:
    # ok: keys-command
    row.keys()
for each in [plain, strict]:
    # ok: flush-in-application-code
    each.flushdb()
