# PyMongo: query anti-patterns.
import re

from bson.regex import Regex
from pymongo import MongoClient

client = MongoClient()
db = client.shop
orders = db.orders

# expect: where-operator-deprecated
orders.find({"$where": "this.shipped > this.ordered"})
# ok: where-operator-deprecated
orders.find({"$expr": {"$gt": ["$shipped", "$ordered"]}})

orders.aggregate([
    # expect: js-function-operator-deprecated
    {"$addFields": {"h": {"$function": {"body": "function(x) { return x }", "args": ["$x"], "lang": "js"}}}},
])
# ok: js-function-operator-deprecated
orders.aggregate([{"$group": {"_id": "$customer", "total": {"$sum": "$total"}}}])

# PyMongo's Database.eval helper is reported by the pymongo pack, not twice.
# ok: eval-command-removed
db.eval("function (x) { return x; }", 3)
# expect: eval-command-removed
db.command("eval", "function () { return 1; }")
# expect: eval-command-removed
db.command({"$eval": "function () { return 1; }"})
# ok: eval-command-removed
db.command("ping")

# expect: map-reduce-deprecated
db.command("mapReduce", "orders", map="function () {}", reduce="function () {}", out={"inline": 1})
# expect: map-reduce-deprecated
db.command({"mapreduce": "orders", "map": "function () {}", "reduce": "function () {}", "out": "totals"})
# ok: map-reduce-deprecated
db.command({"aggregate": "orders", "pipeline": [], "cursor": {}})

# expect: regex-case-insensitive
orders.find({"customer": {"$regex": "smith", "$options": "i"}})
# expect: regex-case-insensitive
orders.find({"customer": {"$regex": "(?i)^smith$"}})
# expect: regex-case-insensitive
orders.find({"customer": re.compile("^smith$", re.IGNORECASE)})
# expect: regex-case-insensitive
orders.find_one({"customer": Regex("smith", "i")})
# ok: regex-case-insensitive
orders.find({"customer": {"$regex": "^Smith"}})
# ok: regex-case-insensitive
orders.find({"customer": re.compile("^Smith")})
# ok: regex-case-insensitive
NAME = re.compile("^smith$", re.IGNORECASE)

# expect: regex-prefix-trailing-wildcard
orders.find({"sku": {"$regex": "^abc.*"}})
# expect: regex-prefix-trailing-wildcard
orders.find({"sku": {"$regex": r"^abc\-1.*$"}})
# ok: regex-prefix-trailing-wildcard
orders.find({"sku": {"$regex": "^abc"}})
# ok: regex-prefix-trailing-wildcard
orders.find({"sku": "^abc.*"})


def page_of_orders(page: int, per_page: int = 20):
    # expect: skip-deep-pagination
    return list(orders.find({}).sort("_id", 1).skip((page - 1) * per_page).limit(per_page))


def page_of_orders_kw(page_number, page_size):
    # expect: skip-deep-pagination
    return list(orders.find({}, skip=page_number * page_size, limit=page_size))


# expect: skip-deep-pagination
orders.aggregate([{"$skip": 100_000}, {"$limit": 10}])
# ok: skip-deep-pagination
orders.find({}).skip(10).limit(10)
# ok: skip-deep-pagination
orders.find({"_id": {"$gt": 42}}).sort("_id", 1).limit(20)
