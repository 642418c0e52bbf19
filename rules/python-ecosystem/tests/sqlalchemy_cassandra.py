# A file that uses both SQLAlchemy and the Cassandra driver: the Cassandra session
# executes CQL strings.
from cassandra.cluster import Cluster
from sqlalchemy import create_engine

engine = create_engine("sqlite://")
session = Cluster(["127.0.0.1"]).connect("shop")
# ok: string-sql-execute-removed
rows = session.execute("SELECT * FROM orders")
