# PyMongo: shardCollection options and companions.
from bson.son import SON
from pymongo import HASHED, MongoClient

client = MongoClient("mongodb://mongos.example:27017")
admin = client.admin

# expect: enable-sharding-not-required
admin.command("enableSharding", "app")
# expect: enable-sharding-not-required
admin.command({"enableSharding": "app"})
# ok: enable-sharding-not-required
admin.command({"enableSharding": "app", "primaryShard": "shard0001"})

# Hashed shard keys cannot be unique.
# expect: shard-key-hashed-unique
admin.command("shardCollection", "app.users", key={"email": "hashed"}, unique=True)
# expect: shard-key-hashed-unique
admin.command("shardCollection", "app.users", unique=True, key={"email": HASHED})
admin.command({
    "shardCollection": "app.users",
    # expect: shard-key-hashed-unique
    "key": {"email": "hashed"},
    "unique": True,
})
admin.command(SON([
    ("shardCollection", "app.users"),
    # expect: shard-key-hashed-unique
    ("key", {"email": "hashed"}),
    ("unique", True),
]))
# ok: shard-key-hashed-unique
admin.command("shardCollection", "app.users", key={"email": 1}, unique=True)
# ok: shard-key-hashed-unique
admin.command("shardCollection", "app.users", key={"email": "hashed"}, unique=False)
# ok: shard-key-hashed-unique
admin.command("shardCollection", "app.users", key={"email": "hashed"})
# ok: shard-key-hashed-unique
client.app.users.create_index({"email": "hashed"}, unique=True)

# numInitialChunks is ignored since MongoDB 7.2.
admin.command(
    "shardCollection",
    "app.events",
    key={"_id": "hashed"},
    # expect: shard-collection-num-initial-chunks
    numInitialChunks=8,
)
admin.command({
    "shardCollection": "app.events",
    "key": {"_id": "hashed"},
    # expect: shard-collection-num-initial-chunks
    "numInitialChunks": 8,
})
admin.command({
    "reshardCollection": "app.events",
    "key": {"deviceId": "hashed"},
    # ok: shard-collection-num-initial-chunks
    "numInitialChunks": 8,
})
# ok: shard-collection-num-initial-chunks
defaults = {"numInitialChunks": 4}
