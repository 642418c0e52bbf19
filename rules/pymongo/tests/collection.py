# PyMongo 3 Collection/Cursor helpers that PyMongo 4.0 removed.
import gridfs
import pymongo
from pymongo import MongoClient

client = MongoClient("mongodb://localhost:27017")
db = client.shop
collection = db.orders
users_coll = db["users"]

# --- insert ---------------------------------------------------------------------------
# expect: collection-insert-document-removed
db.users.insert({"name": "Ada", "email": "ada@example.com"})
# expect: collection-insert-document-removed
client.shop.orders.insert({"sku": "A-1", "qty": 2})
# expect: collection-insert-documents-removed
db["users"].insert([{"name": "Ada"}, {"name": "Bob"}])
# expect: collection-insert-documents-removed
collection.insert([{"n": i} for i in range(3)])
# The value is used: insert() returned the _id, insert_one() returns a result object.
# expect: collection-insert-removed
new_id = db.users.insert({"name": "Ada"})


class UserStore:
    def __init__(self):
        self.db = client.shop

    def add(self, document):
        # expect: collection-insert-removed
        self.db.users.insert(document)


# expect: collection-insert-removed
users_coll.insert(docs, w=0)
# expect: collection-insert-removed
collection.insert({"a": 1}, continue_on_error=True)
write_concern = {"w": 1}
# expect: collection-insert-removed
collection.insert(docs, **write_concern)
# ok: collection-insert-removed
queue = []
queue.insert(0, **write_concern)
# ok: collection-insert-removed, collection-insert-document-removed
db.users.insert_one({"name": "Ada"})
# ok: collection-insert-removed, collection-insert-documents-removed
db.users.insert_many([{"name": "Ada"}, {"name": "Bob"}])

# --- update ---------------------------------------------------------------------------
# expect: collection-update-one-removed
db.users.update({"_id": user_id}, {"$set": {"active": False}})
# expect: collection-update-many-removed
db.users.update({"plan": "free"}, {"$set": {"quota": 10}}, multi=True)
# expect: collection-update-replace-removed
collection.update({"_id": order_id}, {"sku": "A-1", "qty": 3})
# expect: collection-update-removed
result = db.users.update({"_id": user_id}, {"$inc": {"visits": 1}})
# expect: collection-update-removed
db.users.update({"_id": user_id}, {"$set": {"a": 1}}, upsert=True)
# expect: collection-update-removed
collection.update(query, changes)
# A replacement document with multi=True is a server error: reported, not rewritten.
# expect: collection-update-removed
db.users.update({"a": 1}, {"b": 2}, multi=True)
# ok: collection-update-removed, collection-update-one-removed
db.users.update_one({"_id": user_id}, {"$set": {"active": False}})
# ok: collection-update-removed, collection-update-many-removed
db.users.update_many({"plan": "free"}, {"$set": {"quota": 10}})
# ok: collection-update-removed, collection-update-replace-removed
collection.replace_one({"_id": order_id}, {"sku": "A-1", "qty": 3})

# --- remove ---------------------------------------------------------------------------
# expect: collection-remove-filter-removed
db.sessions.remove({"expires": {"$lt": now}})
# expect: collection-remove-removed
db.sessions.remove()
# expect: collection-remove-removed
collection.remove({"_id": order_id}, multi=False)
# expect: collection-remove-removed
users_coll.remove(user_id)
# expect: collection-remove-removed
deleted = db.sessions.remove({"user": user_id})
# ok: collection-remove-removed, collection-remove-filter-removed
db.sessions.delete_many({"expires": {"$lt": now}})

# --- save -----------------------------------------------------------------------------
doc = db.users.find_one({"_id": user_id})
doc["active"] = True
# expect: collection-save-removed
db.users.save(doc)
# expect: collection-save-removed
collection.save({"_id": 1, "sku": "A-1"}, w=1)
# expect: collection-save-removed
collection.save(doc, **write_concern)
# ok: collection-save-removed
db.users.replace_one({"_id": doc["_id"]}, doc, upsert=True)

# --- find_and_modify ------------------------------------------------------------------
# expect: collection-find-and-modify-update-removed
seq = db.counters.find_and_modify({"_id": "order"}, {"$inc": {"seq": 1}})
# expect: collection-find-and-modify-update-removed
job = db.jobs.find_and_modify(query={"state": "new"}, update={"$set": {"state": "running"}})
# expect: collection-find-and-modify-removed
seq = db.counters.find_and_modify(query={"_id": "order"}, update={"$inc": {"seq": 1}}, new=True)
# expect: collection-find-and-modify-removed
gone = db.jobs.find_and_modify({"state": "done"}, remove=True)
# expect: collection-find-and-modify-removed
swapped = db.jobs.find_and_modify({"_id": 1}, {"state": "new"})
# ok: collection-find-and-modify-removed, collection-find-and-modify-update-removed
seq = db.counters.find_one_and_update({"_id": "order"}, {"$inc": {"seq": 1}})

# --- count ----------------------------------------------------------------------------
# expect: collection-count-all-removed
total = db.users.count()
# expect: collection-count-all-removed
total = collection.count()
# expect: collection-count-removed
active = db.users.count({"active": True})
# expect: collection-count-removed
matched = users_coll.count(query)
# Laid out over several lines, as black writes long calls.
# expect: collection-count-removed
active = db.users.count(
    {"active": True, "plan": {"$in": ["pro", "team"]}, "created": {"$gt": since}}
)
# expect: collection-count-removed
recent = db["events"].count(filter={"ts": {"$gt": since}}, limit=100)
# Options but no filter: count_documents would need one, so no fix.
# expect: collection-count-removed
total = collection.count(session=session)
# ok: collection-count-removed, collection-count-all-removed
total = db.users.count_documents({})
# ok: collection-count-all-removed
total = db.users.estimated_document_count()

# expect: cursor-count-filter-removed
n = db.users.find({"active": True}).count()
# expect: cursor-count-filter-removed
n = collection.find(query).count()
# expect: cursor-count-removed
n = db.users.find().count()
# expect: cursor-count-removed
n = db.users.find({"active": True}).limit(10).count(True)
# expect: cursor-count-removed
n = db.users.find({"a": 1}, {"_id": 1}).sort("a", pymongo.ASCENDING).skip(5).count()
# GridFS has find() but no count_documents(): no fix.
fs = gridfs.GridFS(db)
# expect: cursor-count-removed
n = fs.find({"filename": "report.pdf"}).count()
cursor = db.users.find({"active": True})
# expect: cursor-count-removed
n = cursor.count()
# ok: cursor-count-removed, cursor-count-filter-removed
n = db.users.count_documents({"active": True})
# ok: cursor-count-removed
n = len(list(db.users.find({"active": True})))

# --- indexes --------------------------------------------------------------------------
# expect: collection-ensure-index-removed
db.users.ensure_index("email", unique=True)
# expect: collection-ensure-index-removed
collection.ensure_index([("sku", pymongo.ASCENDING), ("ts", pymongo.DESCENDING)])
# ok: collection-ensure-index-removed
db.users.create_index("email", unique=True)

# --- group, map_reduce, parallel_scan -------------------------------------------------
# expect: collection-group-removed
rows = db.orders.group(["status"], {}, {"count": 0}, "function (doc, acc) { acc.count++; }")
# expect: collection-group-removed
rows = collection.group(key={"status": 1}, condition={}, initial={"n": 0}, reduce=reducer)
# ok: collection-group-removed
rows = db.orders.aggregate([{"$group": {"_id": "$status", "count": {"$sum": 1}}}])
# expect: collection-map-reduce-removed
out = db.orders.map_reduce(mapper, reducer, "order_totals")
# expect: collection-map-reduce-removed
out = collection.inline_map_reduce(mapper, reducer, full_response=False)
# ok: collection-map-reduce-removed
out = db.command("mapReduce", "orders", map=mapper, reduce=reducer, out={"inline": 1})
# expect: collection-parallel-scan-removed
cursors = db.orders.parallel_scan(4)
# ok: collection-parallel-scan-removed
cursor = db.orders.find({}, batch_size=500)

# --- bulk -----------------------------------------------------------------------------
# expect: collection-bulk-op-builder-removed
bulk = db.orders.initialize_ordered_bulk_op()
# expect: collection-bulk-op-builder-removed
bulk = collection.initialize_unordered_bulk_op(bypass_document_validation=True)
# ok: collection-bulk-op-builder-removed
db.orders.bulk_write([pymongo.InsertOne({"a": 1}), pymongo.DeleteOne({"a": 2})], ordered=False)

# --- find(modifiers=...) --------------------------------------------------------------
# expect: find-modifiers-removed
cursor = db.orders.find({}, modifiers={"$comment": "report", "$maxTimeMS": 500})
# expect: find-modifiers-removed
one = db.orders.find_one({"a": 1}, {"_id": 0}, modifiers={"$hint": [("a", 1)]})
# ok: find-modifiers-removed
cursor = db.orders.find({}, comment="report", max_time_ms=500)
