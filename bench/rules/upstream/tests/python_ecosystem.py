# Cases of the python-ecosystem rules in the benchmark pack, from rules/python-ecosystem/tests/.
import asyncio
import collections
import datetime
from datetime import datetime as dt_class

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import create_engine, select
# expect: python-ecosystem--declarative-base-moved
from sqlalchemy.ext.declarative import declarative_base
# expect: python-ecosystem--declarative-base-moved
from sqlalchemy.ext.declarative import (
    declarative_base as make_base,
    declared_attr,
)
# ok: python-ecosystem--declarative-base-moved
from sqlalchemy.ext.declarative import AbstractConcreteBase
# ok: python-ecosystem--declarative-base-moved
from sqlalchemy.orm import declarative_base as orm_base
# The import line is reported, not each use of the name.
# expect: python-ecosystem--numeric-index-classes-removed
from pandas import Int64Index

# --- datetime ---------------------------------------------------------------------------
# expect: python-ecosystem--datetime-utcnow-deprecated
stamp = datetime.datetime.utcnow()
# expect: python-ecosystem--datetime-utcnow-deprecated
created_at = dt_class.utcnow()
# ok: python-ecosystem--datetime-utcnow-deprecated
now = datetime.datetime.now(datetime.timezone.utc)


# --- asyncio ----------------------------------------------------------------------------
async def fetch():
    # expect: python-ecosystem--asyncio-get-event-loop-in-coroutine
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, sum, [1, 2])


async def fetch_running():
    # ok: python-ecosystem--asyncio-get-event-loop-in-coroutine
    loop = asyncio.get_running_loop()

    def callback():
        # ok: python-ecosystem--asyncio-get-event-loop-in-coroutine
        return asyncio.get_event_loop()

    return loop, callback


# --- collections ------------------------------------------------------------------------
# expect: python-ecosystem--collections-abc-alias-removed
if isinstance({}, collections.Mapping):
    pass
# expect: python-ecosystem--collections-abc-alias-removed
is_seq = issubclass(list, collections.MutableSequence)
# ok: python-ecosystem--collections-abc-alias-removed
is_map = isinstance({}, collections.abc.Mapping)
# ok: python-ecosystem--collections-abc-alias-removed
counts = collections.Counter("abc")

# --- pandas -----------------------------------------------------------------------------
# expect: python-ecosystem--fillna-method-ffill-removed
filled = df.fillna(method="ffill")
# expect: python-ecosystem--fillna-method-ffill-removed
df.fillna(method="pad", inplace=True, limit=2)
# ok: python-ecosystem--fillna-method-ffill-removed
filled = df.ffill()
# ok: python-ecosystem--fillna-method-ffill-removed
filled = df.fillna(0)
# ok: python-ecosystem--fillna-method-ffill-removed
filled = df.fillna(method="bfill")

# expect: python-ecosystem--numeric-index-classes-removed
idx = pd.Int64Index([1, 2, 3])
# expect: python-ecosystem--numeric-index-classes-removed
is_float = isinstance(idx, pd.Float64Index)
# ok: python-ecosystem--numeric-index-classes-removed
idx = pd.Index([1, 2, 3], dtype="int64")
# ok: python-ecosystem--numeric-index-classes-removed
index = Int64Index([1, 2])

# --- SQLAlchemy -------------------------------------------------------------------------
users = sa.table("users", sa.column("id"), sa.column("name"))
engine = create_engine("sqlite:///app.db")
warehouse = sa.create_engine("postgresql://localhost/warehouse")

# expect: python-ecosystem--engine-execute-removed
engine.execute("DELETE FROM sessions")
# expect: python-ecosystem--engine-execute-removed
rows = warehouse.execute(users.select()).fetchall()
# expect: python-ecosystem--engine-execute-removed
count = create_engine("sqlite://").execute("SELECT 1").scalar()


class Repository:
    def __init__(self, url):
        self.engine = create_engine(url)

    def purge(self):
        # expect: python-ecosystem--engine-execute-removed
        self.engine.execute(users.delete())


# A rules engine and a workflow are not SQLAlchemy engines.
rule_engine = load_rules()
# ok: python-ecosystem--engine-execute-removed
rule_engine.execute(event)
# ok: python-ecosystem--engine-execute-removed
workflow.execute(task)

# expect: python-ecosystem--select-list-argument-removed
stmt = select([users.c.id, users.c.name])
# expect: python-ecosystem--select-list-argument-removed
stmt = sa.select([users])
# ok: python-ecosystem--select-list-argument-removed
stmt = select(users.c.id, users.c.name)
# ok: python-ecosystem--select-list-argument-removed
picked = random_select([1, 2, 3])


def load(session, user_id):
    # expect: python-ecosystem--query-get-legacy
    return session.query(User).get(user_id)


# expect: python-ecosystem--query-get-legacy
user = session.query(User).get(5)
# ok: python-ecosystem--query-get-legacy
user = session.get(User, 5)
# ok: python-ecosystem--query-get-legacy
params = request.query.get("page")
