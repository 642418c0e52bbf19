# PyMongo: the shardCollection command through Database.command().
import pymongo
from bson.son import SON

client = pymongo.MongoClient("mongodb://mongos.example:27017")
admin = client.admin

# Name and value as arguments: command("shardCollection", namespace, key=...).
# expect: shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"_id": 1})
# expect: shard-key-monotonic
admin.command("shardcollection", "test.data", key={'_id': 1})
# expect: shard-key-monotonic
admin.command("shardCollection", "iot.readings", key={"ts": pymongo.ASCENDING})
# expect: shard-key-monotonic
client["admin"].command("shardCollection", "audit.log", key={"created_at": 1}, unique=False)
# ok: shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"_id": "hashed"})
# ok: shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"_id": pymongo.HASHED})
# ok: shard-key-monotonic, shard-key-low-cardinality
admin.command("shardCollection", "app.users", key={"userId": 1})
# ok: shard-key-monotonic
admin.command("shardCollection", "crm.customers", key={"customerId": 1})
# The same document elsewhere is not a shard key.
# ok: shard-key-monotonic
client.shop.orders.create_index({"createdAt": 1})
# ok: shard-key-monotonic
client.shop.orders.find_one({"_id": 1})

# The whole command as one document: a dict (ordered since Python 3.7) or a SON.
admin.command({
    "shardCollection": "shop.events",
    # expect: shard-key-monotonic
    "key": {"createdAt": 1},
})
admin.command(SON([
    ("shardCollection", "shop.events"),
    # expect: shard-key-monotonic
    ("key", {"updated_at": 1}),
    # expect: shard-collection-num-initial-chunks
    ("numInitialChunks", 4),
]))
admin.command({
    "shardCollection": "shop.events",
    # ok: shard-key-monotonic
    "key": {"createdAt": "hashed"},
})

# Compound keys: only the first field decides the insert pattern.
# expect: shard-key-monotonic-prefix
admin.command("shardCollection", "iot.readings", key={"ts": 1, "deviceId": 1})
# expect: shard-key-monotonic-prefix
admin.command({"shardCollection": "shop.orders", "key": {"_id": 1, "customerId": 1}})
# ok: shard-key-monotonic-prefix, shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"customerId": 1, "createdAt": 1})
# ok: shard-key-monotonic-prefix
admin.command("shardCollection", "iot.readings", key={"deviceId": "hashed", "ts": 1})

# Low-cardinality single-field keys.
# expect: shard-key-low-cardinality
admin.command("shardCollection", "test.parkinglot", key={"status": 1})
# expect: shard-key-low-cardinality
admin.command("shardCollection", "app.users", key={"is_active": "hashed"})
# ok: shard-key-low-cardinality
admin.command("shardCollection", "test.parkinglot", key={"status": 1, "lotId": 1})
