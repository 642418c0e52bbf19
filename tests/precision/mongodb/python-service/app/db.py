"""The process-wide MongoClient.

PyMongo's MongoClient is a thread-safe connection pool: create it once per process (after a
fork, as gunicorn does, each worker imports this module and gets its own).
"""

from __future__ import annotations

import os

from pymongo import MongoClient
from pymongo.database import Database
from pymongo.server_api import ServerApi

MONGODB_URI = os.environ.get("MONGODB_URI", "mongodb://localhost:27017/?replicaSet=rs0")
DATABASE = os.environ.get("MONGODB_DB", "shop")

client: MongoClient = MongoClient(
    MONGODB_URI,
    server_api=ServerApi("1", strict=True, deprecation_errors=True),
    maxPoolSize=50,
    retryWrites=True,
    tz_aware=True,
)

_database: Database | None = None


def get_database() -> Database:
    """The application database, looked up once."""
    global _database
    if _database is None:
        _database = client[DATABASE]
    return _database


def ping() -> bool:
    try:
        client.admin.command("ping")
    except Exception:  # noqa: BLE001 - a health check reports, it does not raise
        return False
    return True
