# Cases of the pymongo rules in the benchmark pack, taken from rules/pymongo/tests/. The
# bench pack has no `imports:` gate, so there is no "file without pymongo" case here.
import pymongo
from pymongo import MongoClient
# expect: pymongo--not-master-error-removed
from pymongo.errors import AutoReconnect, NotMasterError
from pymongo.write_concern import WriteConcern

# --- client options and connection strings ---------------------------------------------
# expect: pymongo--client-wtimeout-option-removed
durable = MongoClient(uri, w=2, wtimeout=5000)
durable = pymongo.MongoClient(
    uri,
    # expect: pymongo--client-wtimeout-option-removed
    wtimeout=5000,
)
# ok: pymongo--client-wtimeout-option-removed
client = MongoClient(uri, w="majority", journal=True, wTimeoutMS=5000)
# WriteConcern still takes wtimeout.
# ok: pymongo--client-wtimeout-option-removed
orders = db.get_collection("orders", write_concern=WriteConcern(w=2, wtimeout=5000, j=True))

# expect: pymongo--client-uri-legacy-option
MONGO_URI = "mongodb://db.example.com/?ssl=true&ssl_cert_reqs=CERT_NONE"
# expect: pymongo--client-uri-legacy-option
client = MongoClient("mongodb://a,b,c/?replicaSet=rs0&wtimeout=5000")
# expect: pymongo--client-uri-legacy-option
client = MongoClient(f"mongodb+srv://{user}:{pwd}@cluster0.example.net/app?retryWrites=true&w=majority&j=true")
# ok: pymongo--client-uri-legacy-option
MONGO_URI = "mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true&journal=true&wTimeoutMS=5000"
# ok: pymongo--client-uri-legacy-option
NOTE = "set ssl_cert_reqs=CERT_NONE in the old driver"

# --- errors ----------------------------------------------------------------------------
try:
    orders.insert_one({"a": 1})
# expect: pymongo--not-master-error-removed
except pymongo.errors.NotMasterError:
    pass
# ok: pymongo--not-master-error-removed
except pymongo.errors.NotPrimaryError:
    pass
# ok: pymongo--not-master-error-removed
except AutoReconnect:
    pass
# expect: pymongo--not-master-error-removed
except NotMasterError:
    pass

# --- database and client methods -------------------------------------------------------
# expect: pymongo--database-authenticate-removed
client.admin.authenticate("app", password)
# expect: pymongo--database-authenticate-removed
db.authenticate(user, pwd, source="admin")
# expect: pymongo--database-authenticate-removed
client["reporting"].authenticate(name=user, password=pwd)
# expect: pymongo--database-authenticate-removed
db.logout()
# ok: pymongo--database-authenticate-removed
client = MongoClient("mongodb://db.example.com", username="app", password=password, authSource="admin")
# Django's auth module, an API client: not a database.
# ok: pymongo--database-authenticate-removed
user = auth.authenticate(request, username=name, password=password)
# ok: pymongo--database-authenticate-removed
auth.logout(request)
# ok: pymongo--database-authenticate-removed
api_client.logout()

# expect: pymongo--database-collection-names-removed
names = db.collection_names()
# expect: pymongo--database-collection-names-removed
names = client.reporting.collection_names(session=session)
# expect: pymongo--database-collection-names-system-removed
names = db.collection_names(include_system_collections=False)
# expect: pymongo--database-collection-names-system-removed
names = db.collection_names(False)
# ok: pymongo--database-collection-names-removed, pymongo--database-collection-names-system-removed
names = db.list_collection_names()

# expect: pymongo--client-database-names-removed
dbs = client.database_names()
# expect: pymongo--client-database-names-removed
dbs = MongoClient(uri).database_names(session=session)
# ok: pymongo--client-database-names-removed
dbs = client.list_database_names()
# ok: pymongo--client-database-names-removed
dbs = Catalog.database_names()

# --- collection methods ----------------------------------------------------------------
# expect: pymongo--collection-save-removed
db.users.save(doc)
# expect: pymongo--collection-save-removed
collection.save({"_id": 1, "sku": "A-1"}, w=1)
# ok: pymongo--collection-save-removed
db.users.replace_one({"_id": doc["_id"]}, doc, upsert=True)
# A Django model, a PIL image, an application's repository.
# ok: pymongo--collection-save-removed
order.save()
# ok: pymongo--collection-save-removed
order.save(update_fields=["status"])
# ok: pymongo--collection-save-removed
image.save("out.png", format="PNG")
# ok: pymongo--collection-save-removed
repo.save({"name": "Ada"})

# expect: pymongo--collection-count-removed
active = db.users.count({"active": True})
# expect: pymongo--collection-count-removed
matched = users_coll.count(query)
# expect: pymongo--collection-count-removed
recent = db["events"].count(filter={"ts": {"$gt": since}}, limit=100)
# expect: pymongo--collection-count-removed
total = collection.count(session=session)
# ok: pymongo--collection-count-removed
total = db.users.count_documents({})
# str.count, list.count, a queryset, an application's repository.
# ok: pymongo--collection-count-removed
n = collection.count(2)
# ok: pymongo--collection-count-removed
n = collection.count("a")
# ok: pymongo--collection-count-removed
n = Order.objects.count()
# ok: pymongo--collection-count-removed
repo.count({"active": True})

# expect: pymongo--collection-ensure-index-removed
db.users.ensure_index("email", unique=True)
# expect: pymongo--collection-ensure-index-removed
collection.ensure_index([("sku", pymongo.ASCENDING), ("ts", pymongo.DESCENDING)])
# ok: pymongo--collection-ensure-index-removed
db.users.create_index("email", unique=True)
# ok: pymongo--collection-ensure-index-removed
Index.ensure_index("email")

# expect: pymongo--collection-map-reduce-removed
out = db.orders.map_reduce(mapper, reducer, "order_totals")
# expect: pymongo--collection-map-reduce-removed
out = collection.inline_map_reduce(mapper, reducer, full_response=False)
# The server command is reported by the mongodb pack's rule instead.
# ok: pymongo--collection-map-reduce-removed
# expect: mongodb--map-reduce-deprecated
out = db.command("mapReduce", "orders", map=mapper, reduce=reducer, out={"inline": 1})
