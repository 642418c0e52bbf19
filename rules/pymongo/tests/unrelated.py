# Same method names on other objects, in a file that does import pymongo: not reported.
import re
import sqlite3

import pandas as pd
import pymongo
from django.contrib import auth
from django.db import models

client = pymongo.MongoClient()
db = client.app

# A list's insert(index, item), remove(item) and count(item).
pending = ["a", "b"]
# ok: collection-insert-removed, collection-insert-document-removed
pending.insert(0, {"id": 1})
# ok: collection-insert-removed
pending.insert(len(pending), item)
# ok: collection-remove-removed, collection-remove-filter-removed
pending.remove("a")
# ok: collection-remove-removed, collection-remove-filter-removed
pending.remove({"id": 1})
# ok: collection-count-removed, collection-count-all-removed
n = pending.count("b")
# ok: collection-count-removed
n = [1, 2, 2].count(2)
# A list called `collection`: its insert and count take arguments a Collection's don't.
collection = [1, 2, 2]
# ok: collection-insert-removed
collection.insert(0, 5)
# ok: collection-count-removed
n = collection.count(2)

# A dict's update(other) and a set's update/remove.
settings = {"debug": False}
# ok: collection-update-removed, collection-update-one-removed, collection-update-replace-removed
settings.update({"debug": True})
# ok: collection-update-removed
settings.update(other, debug=True)
tags = {"a", "b"}
# ok: collection-update-removed
tags.update({"c"}, {"d"})
# ok: collection-remove-removed
tags.remove("a")

# A string's count.
# ok: collection-count-removed, collection-count-all-removed
n = "banana".count("a")
text = "a,b,c"
# ok: collection-count-removed
n = text.count(",")
# ok: cursor-count-removed
n = text.find(",")


# Django querysets and models: update(**fields), count(), save().
class Order(models.Model):
    status = models.CharField(max_length=20)


# ok: collection-update-removed
Order.objects.filter(status="new").update(status="paid")
# ok: collection-update-removed
Order.objects.update(status="paid", total=0)
# ok: collection-count-all-removed, collection-count-removed
n = Order.objects.count()
# ok: collection-count-all-removed
n = Order.objects.filter(status="paid").count()
order = Order(status="new")
# ok: collection-save-removed
order.save()
# ok: collection-save-removed
order.save(update_fields=["status"])
# ok: database-authenticate-removed
user = auth.authenticate(request, username=name, password=password)
# ok: database-authenticate-removed
auth.logout(request)



# Flask-SQLAlchemy's `db`, sessions and queries (here `db` is not the PyMongo database).
def close_session(db):
    # ok: collection-remove-removed
    db.session.remove()
    # ok: collection-count-all-removed
    n = db.session.query(Order).count()
    # ok: collection-update-removed
    db.session.query(Order).update({"status": "paid"}, synchronize_session=False)
    return n


# pandas.
frame = pd.DataFrame({"a": [1, 2]})
# ok: collection-count-all-removed
n = frame.count()
# ok: database-eval-removed
frame = frame.eval("b = a * 2")
# ok: collection-update-removed
frame.update(other_frame, overwrite=True)

# Other eval/logout/save/group/count owners.
# ok: database-eval-removed
model.eval()
# ok: database-authenticate-removed
api_client.logout()
# ok: collection-save-removed
image.save("out.png", format="PNG")
match = re.match(r"(\d+)-(\d+)-(\d+)-(\d+)", line)
# ok: collection-group-removed
a, b, c, d = match.group(1, 2, 3, 4)
from kombu import Connection

# ok: connection-class-removed
broker = Connection("amqp://guest:guest@localhost//")
conn = sqlite3.connect(":memory:")
cur = conn.cursor()
# ok: cursor-count-removed
rows = cur.execute("select 1").fetchall()

# A repository class of the application wraps PyMongo with its own insert/update/count.
# ok: collection-insert-removed, collection-insert-document-removed
repo.insert({"name": "Ada"})
# ok: collection-update-removed, collection-update-one-removed
repo.update({"_id": 1}, {"$set": {"a": 1}})
# ok: collection-count-removed
repo.count({"active": True})
# ok: collection-save-removed
repo.save({"name": "Ada"})

# Current PyMongo names that contain the old ones.
# ok: collection-insert-removed
db.users.insert_one({"a": 1})
# ok: collection-count-removed, collection-count-all-removed
db.users.count_documents({})
# ok: database-collection-names-removed
db.list_collection_names()
