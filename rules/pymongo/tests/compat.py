# Compat code: a branch for PyMongo 3 (by its own version) is not reported.
import pymongo
from pymongo import MongoClient

orders = MongoClient().shop.orders
PYMONGO_3 = pymongo.version_tuple[0] < 4

if pymongo.version_tuple < (4,):
    # ok: collection-insert-removed
    orders.insert(doc, w=0)
else:
    orders.insert_one(doc)

if PYMONGO_3:
    # ok: collection-count-removed
    total = orders.count(query)
else:
    total = orders.count_documents(query)

if pymongo.version_tuple >= (4, 0):
    # The branch for PyMongo 4: reported.
    # expect: collection-count-removed
    total = orders.count(query)
