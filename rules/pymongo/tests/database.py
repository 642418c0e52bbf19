# PyMongo 3 Database and MongoClient methods that PyMongo 4.0 removed.
import pymongo
from pymongo import MongoClient

client = MongoClient("mongodb://db.example.com")
db = client.reporting
admin_db = client.admin

# expect: database-authenticate-removed
client.admin.authenticate("app", password)
# expect: database-authenticate-removed
db.authenticate(user, pwd, source="admin")
# expect: database-authenticate-removed
client["reporting"].authenticate(name=user, password=pwd)
# expect: database-authenticate-removed
db.logout()
# ok: database-authenticate-removed
client = MongoClient("mongodb://db.example.com", username="app", password=password, authSource="admin")

# expect: database-eval-removed
result = db.eval("function (x) { return x; }", 3)


class Reports:
    def __init__(self, database: "pymongo.database.Database"):
        self.db = database

    def run(self, js):
        # expect: database-eval-removed
        return self.db.eval(Code(js))


def train(model):
    # A model's eval(), not a database: not reported.
    # ok: database-eval-removed
    model.eval()


# ok: database-eval-removed
result = db.command("ping")

# expect: database-add-user-removed
db.add_user("reporting", password, read_only=True)
# expect: database-add-user-removed
admin_db.remove_user("reporting")
# ok: database-add-user-removed
db.command("createUser", "reporting", pwd=password, roles=["read"])

# expect: database-collection-names-removed
names = db.collection_names()
# expect: database-collection-names-removed
names = client.reporting.collection_names(session=session)
# expect: database-collection-names-system-removed
names = db.collection_names(include_system_collections=False)
# expect: database-collection-names-system-removed
names = db.collection_names(False)
# ok: database-collection-names-removed, database-collection-names-system-removed
names = db.list_collection_names()

# expect: client-database-names-removed
dbs = client.database_names()
# expect: client-database-names-removed
dbs = MongoClient(uri).database_names(session=session)
# ok: client-database-names-removed
dbs = client.list_database_names()
