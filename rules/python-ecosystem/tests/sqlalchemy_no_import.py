# No SQLAlchemy import: a sqlite3 script.
import sqlite3

engine = sqlite3.connect("x.db")
# ok: engine-execute-removed
engine.execute("SELECT 1")
session = engine
# ok: string-sql-execute-removed
session.execute("SELECT 1")
# ok: session-query-legacy
session.query(1)
