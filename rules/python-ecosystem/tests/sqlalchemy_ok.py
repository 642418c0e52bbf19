# SQLAlchemy 2.0 code, and other libraries' execute/query/select in files importing it.
import sqlite3

import pandas as pd
import duckdb
import psycopg
from sqlalchemy import create_engine, select, text
from sqlalchemy.ext.declarative import ConcreteBase, declarative_base
from sqlalchemy.orm import DeclarativeBase, Session

engine = create_engine("sqlite:///app.db")


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"


with engine.connect() as conn:
    # ok: engine-execute-removed, string-sql-execute-removed
    rows = conn.execute(text("SELECT id FROM users")).all()
    # ok: string-sql-execute-removed
    conn.exec_driver_sql("VACUUM")

with engine.begin() as conn:
    # ok: string-sql-execute-removed
    conn.execute(text("UPDATE users SET name = :n"), {"n": "x"})

# ok: select-list-argument-removed
stmt = select(User.id, User)
# ok: select-list-argument-removed
picked = random_select([1, 2, 3]) if False else None

with Session(engine) as session:
    # ok: query-get-legacy
    user = session.get(User, 5)
    # ok: session-query-legacy
    users = session.scalars(select(User)).all()
    # ok: string-sql-execute-removed
    session.execute(text("SELECT 1"))

# sqlite3 and psycopg execute plain strings: not SQLAlchemy.
connection = sqlite3.connect("local.db")
# ok: string-sql-execute-removed
connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
cursor = connection.cursor()
# ok: string-sql-execute-removed
cursor.execute("SELECT * FROM t")
with psycopg.connect("dbname=app") as conn:
    # ok: string-sql-execute-removed
    conn.execute("SELECT 1")
with sqlite3.connect("other.db") as conn:
    # ok: string-sql-execute-removed
    conn.execute("SELECT 1")

# A rules engine and a template engine are not SQLAlchemy engines.
rule_engine = load_rules()
# ok: engine-execute-removed
rule_engine.execute(event)
# ok: engine-execute-removed
workflow.execute(task)

# pandas' DataFrame.query takes a string.
df = pd.DataFrame({"a": [1]})
db = df
# ok: session-query-legacy
small = db.query("a < 2")
# ok: session-query-legacy
cache = {}
value = cache.get("k")
# ok: query-get-legacy
params = request.query.get("page")

# ok: declarative-base-moved
from sqlalchemy.ext.declarative import AbstractConcreteBase
# ok: declarative-base-moved
from sqlalchemy.orm import declarative_base as orm_base

with duckdb.connect() as duck:
    # ok: string-sql-execute-removed
    duck.execute("SELECT 42")

# ok: metadata-bind-removed
plain_metadata = sa.MetaData()
# ok: statement-execute-removed
with engine.connect() as conn:
    found = conn.execute(select(users.c.id)).all()
# ok: statement-execute-removed
cursor.execute("select 1")
