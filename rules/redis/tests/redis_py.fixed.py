# redis-py: deprecated and removed call shapes.
import datetime
from datetime import timedelta

import redis
from redis import StrictRedis

r = redis.Redis(host="localhost", port=6379, decode_responses=True)
pipe = r.pipeline()

# ---------------------------------------------------------------- hmset
# expect: hmset-deprecated
r.hset("user:1", mapping={"name": "Ada", "plan": "pro"})
# expect: hmset-deprecated
pipe.hset(f"user:{42}", mapping=profile)
# expect: hmset-deprecated
ok = r.hset("user:2", mapping=fields)
# ok: hmset-deprecated
r.hset("user:1", mapping={"name": "Ada"})
# ok: hmset-deprecated
r.hset("user:1", "name", "Ada")
# A wrapper's own signature is not a call.
class Cache:
    # ok: hmset-deprecated
    def hmset(self, name, mapping):
        return self.client.hset(name, mapping=mapping)
# ok: hmset-deprecated
r.hmset(*args)

# ---------------------------------------------------------------- StrictRedis
# expect: strictredis-alias
legacy = redis.Redis(host="localhost")
# expect: strictredis-alias
from_url = redis.Redis.from_url("redis://localhost:6379/0")
# expect: strictredis-alias
aliased = StrictRedis()
# ok: strictredis-alias
modern = redis.Redis(host="localhost")

# ---------------------------------------------------------------- setex
# expect: setex-argument-order
r.setex("session:1", 3600, "payload")
# expect: setex-argument-order
r.setex(f"otp:{user_id}", 60 * 5, "123abc")
# expect: setex-argument-order
r.setex("k", timedelta(minutes=5), "v")
# expect: setex-argument-order
pipe.setex("k", datetime.timedelta(seconds=30), "v")
# ok: setex-argument-order
r.setex("session:1", 3600, "payload")
# ok: setex-argument-order
r.setex(key, ttl, value)
# A numeric string is a valid expiry on redis-py 3: not reported.
# ok: setex-argument-order
r.setex("k", "60", 10)

# ---------------------------------------------------------------- lrem
# expect: lrem-argument-order
r.lrem("queue", 0, "job-1")
# expect: lrem-argument-order
r.lrem("queue", -1, "job-1")
# ok: lrem-argument-order
r.lrem("queue", 0, "job-1")
# ok: lrem-argument-order
r.lrem("queue", count, item)
# ok: lrem-argument-order
r.lrem("queue", "2", 5)

# ---------------------------------------------------------------- zincrby
# expect: zincrby-argument-order
r.zincrby("leaderboard", 5, "alice")
# expect: zincrby-argument-order
r.zincrby("leaderboard", 1.5, "bob")
# ok: zincrby-argument-order
r.zincrby("leaderboard", 5, "alice")
# ok: zincrby-argument-order
r.zincrby("leaderboard", amount, member)

# ---------------------------------------------------------------- zadd
# expect: zadd-mapping-required
r.zadd("leaderboard", "alice", 10)
# expect: zadd-mapping-required
r.zadd("leaderboard", 10, "alice", 7, "bob")
# expect: zadd-keyword-members-removed
r.zadd("leaderboard", alice=10, bob=7)
# ok: zadd-mapping-required
r.zadd("leaderboard", {"alice": 10, "bob": 7})
# ok: zadd-mapping-required, zadd-keyword-members-removed
r.zadd("leaderboard", {"alice": 12}, xx=True, ch=True)
# ok: zadd-mapping-required, zadd-keyword-members-removed
r.zadd("leaderboard", mapping=scores)
# ok: zadd-mapping-required
r.zadd("leaderboard", scores, nx=True)

# ---------------------------------------------------------------- mset / msetnx
# expect: mset-mapping-required
r.mset(first="Ada", last="Lovelace")
# expect: mset-mapping-required
r.msetnx(lock="1")
# ok: mset-mapping-required
r.mset({"first": "Ada", "last": "Lovelace"})
# ok: mset-mapping-required
r.msetnx(mapping)

# ---------------------------------------------------------------- charset / errors
# expect: charset-option-removed
c1 = redis.Redis(host="localhost", encoding="utf-8", decode_responses=True)
# expect: errors-option-removed
c2 = redis.Redis(host="localhost", encoding_errors="strict")
# expect: strictredis-alias
c3 = redis.Redis(
    host="localhost",
    # expect: charset-option-removed
    encoding="utf-8",
    # expect: errors-option-removed
    encoding_errors="replace",
)
# ok: charset-option-removed, errors-option-removed
c4 = redis.Redis(host="localhost", encoding="utf-8", encoding_errors="strict")
# Other APIs' `errors=` keyword.
# ok: errors-option-removed
text = payload.decode("utf-8", errors="replace")
# ok: charset-option-removed
resp = make_response(body, charset="utf-8")

# ---------------------------------------------------------------- retry_on_timeout
# expect: retry-on-timeout-deprecated
c5 = redis.Redis(host="localhost", retry_on_timeout=True)
# ok: retry-on-timeout-deprecated
c6 = redis.Redis(host="localhost", socket_timeout=5)
# ok: retry-on-timeout-deprecated
pool = redis.ConnectionPool(host="localhost", retry_on_timeout=True)
