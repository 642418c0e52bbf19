# A file that never imports pymongo: the PyMongo rules do not run here, even on calls that
# look like PyMongo 3 (e.g. TinyDB's `table.insert(dict)` and `db.remove(...)`).
from tinydb import TinyDB

db = TinyDB("db.json")
table = db.table("users")
# ok: collection-insert-removed, collection-insert-document-removed
db.users.insert({"name": "Ada"})
# ok: collection-count-all-removed
db.users.count()
# ok: collection-ensure-index-removed
db.users.ensure_index("name")
# ok: database-collection-names-removed
db.collection_names()
