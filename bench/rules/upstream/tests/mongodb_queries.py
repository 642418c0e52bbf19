# Cases of the mongodb rules in the benchmark pack: PyMongo, from rules/mongodb/tests/.
import pymongo
from bson.son import SON
from pymongo import MongoClient

client = MongoClient()
db = client.shop
orders = db.orders
admin = client.admin

# expect: mongodb--where-operator-deprecated
orders.find({"$where": "this.shipped > this.ordered"})
# ok: mongodb--where-operator-deprecated
orders.find({"$expr": {"$gt": ["$shipped", "$ordered"]}})

# expect: mongodb--map-reduce-deprecated
db.command("mapReduce", "orders", map="function () {}", reduce="function () {}", out={"inline": 1})
# expect: mongodb--map-reduce-deprecated
db.command({"mapreduce": "orders", "map": "function () {}", "reduce": "function () {}", "out": "totals"})
# ok: mongodb--map-reduce-deprecated
db.command({"aggregate": "orders", "pipeline": [], "cursor": {}})

# expect: mongodb--shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"_id": 1})
# expect: mongodb--shard-key-monotonic
admin.command("shardcollection", "test.data", key={'_id': 1})
# expect: mongodb--shard-key-monotonic
admin.command("shardCollection", "iot.readings", key={"ts": pymongo.ASCENDING})
# expect: mongodb--shard-key-monotonic
client["admin"].command("shardCollection", "audit.log", key={"created_at": 1}, unique=False)
# ok: mongodb--shard-key-monotonic
admin.command("shardCollection", "shop.orders", key={"_id": "hashed"})
# ok: mongodb--shard-key-monotonic
admin.command("shardCollection", "app.users", key={"userId": 1})
# ok: mongodb--shard-key-monotonic
client.shop.orders.find_one({"_id": 1})
admin.command({
    "shardCollection": "shop.events",
    # expect: mongodb--shard-key-monotonic
    "key": {"createdAt": 1},
})
admin.command(SON([
    ("shardCollection", "shop.events"),
    # expect: mongodb--shard-key-monotonic
    ("key", {"updated_at": 1}),
]))
