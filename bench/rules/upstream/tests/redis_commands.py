# Cases of the redis rules in the benchmark pack, from rules/redis/tests/.
import redis
import redis.asyncio as aioredis
from redis import StrictRedis

r = redis.Redis(host="localhost", decode_responses=True)
redis_client = redis.Redis.from_url("redis://localhost:6379/0")


def invalidate_user_sessions(user_id):
    # expect: redis--keys-command
    for key in r.keys(f"session:{user_id}:*"):
        r.delete(key)
    # expect: redis--keys-command
    stale = redis_client.keys(pattern="cache:*")
    # expect: redis--keys-command
    everything = redis_client.keys()
    # ok: redis--keys-command
    for key in r.scan_iter(match=f"session:{user_id}:*", count=500):
        r.unlink(key)
    return stale, everything


async def list_jobs(client: aioredis.Redis, prefix):
    # expect: redis--keys-command
    return await client.keys(prefix + "*")


# dict.keys() takes no argument: never the KEYS command.
settings = {"a": 1}
# ok: redis--keys-command
names = list(settings.keys())
# ok: redis--keys-command
config_keys = self.redis_config.keys()
# ok: redis--keys-command
as_list = dict.keys(settings)
# ok: redis--keys-command
spread = r.keys(*patterns)
# ok: redis--keys-command
tables = hdf_store.keys(include="native")

# expect: redis--strictredis-alias
legacy = redis.StrictRedis(host="localhost")
# expect: redis--strictredis-alias
from_url = redis.StrictRedis.from_url("redis://localhost:6379/0")
# expect: redis--strictredis-alias
aliased = StrictRedis()
# ok: redis--strictredis-alias
modern = redis.Redis(host="localhost")
# expect: redis--strictredis-alias
c3 = redis.StrictRedis(
    host="localhost",
)
