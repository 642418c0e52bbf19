# What a receiver is, inferred from where it came from (types.yaml), in every form the
# engine follows; each with a look-alike that is not a PyMongo collection.
from typing import Optional

import pymongo
from pymongo import MongoClient
from pymongo.collection import Collection
from pymongo.database import Database

client = MongoClient()
mydb = client.shop

# A name assigned from an attribute chain, a subscript chain, a method.
orders = client.shop.orders
t = mydb.t
events = client["shop"]["events"]
people = mydb.get_collection("people")
# expect: collection-insert-removed
orders.insert(doc, w=0)
# expect: collection-insert-removed
t.insert(doc, w=0)
# expect: collection-update-removed
events.update(query, changes)
# expect: collection-save-removed
people.save(person)

# A look-alike: a list's insert, a dict's update, rebinding a name to something else.
pending = ["a", "b"]
# ok: collection-insert-removed
pending.insert(0, doc)
settings = {"a": 1}
# ok: collection-update-removed
settings.update(other, more)
orders = []
# ok: collection-insert-removed
orders.insert(0, doc)

# Tuple targets, pairwise; a walrus; `with ... as`.
left, right = mydb.left, []
# expect: collection-remove-removed
left.remove(query, multi=False)
# ok: collection-remove-removed
right.remove(item)
if (archive := mydb.archive) is not None:
    # expect: collection-save-removed
    archive.save(doc)
with MongoClient() as scoped:
    # expect: collection-count-removed
    scoped.app.items.count(query)

# A cursor from find(), through cursor methods, and what iterating it gives (a document).
cursor1 = orders_by_day = mydb.orders.find({"day": day}).sort("ts")
# expect: cursor-count-removed
total = cursor1.count()
for document in mydb.orders.find():
    # ok: collection-update-removed
    document.update(extra, more)


# Parameter and return annotations: plain, dotted, Optional, quoted.
def archive_order(coll: Collection, maybe: Optional[Collection], quoted: "Collection", order):
    # expect: collection-save-removed
    coll.save(order)
    # expect: collection-save-removed
    maybe.save(order)
    # expect: collection-save-removed
    quoted.save(order)


def shop_database() -> Database:
    return client.get_database("shop")


def open_orders():
    return shop_database().orders


# expect: collection-save-removed
shop_database().invoices.save(invoice)
# expect: collection-save-removed
open_orders().save(order)


# A parameter nothing says anything about stays unknown: `save` is not reported on it.
def store(collection, item):
    # ok: collection-save-removed
    collection.save(item)


# An attribute set in one method and used in another; the app's own class with count().
class EventLog:
    def __init__(self, database: pymongo.database.Database):
        self.table = database["events"]
        self.counter = Counter()

    def record(self, event):
        # expect: collection-save-removed
        self.table.save(event)
        # ok: collection-count-all-removed
        return self.counter.count()


class Counter:
    def count(self):
        return 0


# A removed method passed by name (called later with no arguments): reported, no fix.
def retry_until_ok(func, *args):
    return func(*args)


# expect: collection-count-all-removed
total = retry_until_ok(mydb.orders.count)
# A list's count, passed by name: not a collection.
# ok: collection-count-all-removed
seen = retry_until_ok(pending.count, "a")


# `self` may be any subclass's instance, so a name only PyMongo has counts on it, unless
# the class itself defines that method (an ODM's own map_reduce).
class QuerySet:
    def map_reduce(self, map_f, reduce_f, output):
        return []

    def totals(self):
        # ok: collection-map-reduce-removed
        return self.map_reduce(mapper, reducer, "inline")


class CollectionMixin:
    def rebuild(self):
        # expect: collection-ensure-index-removed
        self.ensure_index("email")
