"""One MongoClient per process, configured from the environment."""

from __future__ import annotations

import os
from functools import lru_cache

from pymongo import MongoClient
from pymongo.database import Database
from pymongo.read_concern import ReadConcern
from pymongo.read_preferences import ReadPreference
from pymongo.server_api import ServerApi
from pymongo.write_concern import WriteConcern

DEFAULT_URI = "mongodb://localhost:27017/?retryWrites=true&w=majority&journal=true"


@lru_cache(maxsize=1)
def get_client() -> MongoClient:
    """Create the process-wide client; PyMongo pools connections inside it."""
    uri = os.environ.get("MONGODB_URI", DEFAULT_URI)
    options = {
        "appname": "inventory-service",
        "serverSelectionTimeoutMS": 5000,
        "maxPoolSize": int(os.environ.get("MONGODB_MAX_POOL_SIZE", "50")),
        "uuidRepresentation": "standard",
        "tz_aware": True,
        "server_api": ServerApi("1"),
    }
    ca_file = os.environ.get("MONGODB_CA_FILE")
    if ca_file:
        options.update({"tls": True, "tlsCAFile": ca_file})
    cert_file = os.environ.get("MONGODB_CLIENT_PEM")
    if cert_file:
        options["tlsCertificateKeyFile"] = cert_file
        options["tlsCertificateKeyFilePassword"] = os.environ.get("MONGODB_CLIENT_PEM_PASSWORD")
    return MongoClient(uri, **options)


def get_database(name: str | None = None) -> Database:
    client = get_client()
    if name is None:
        return client.get_default_database(default="inventory")
    return client.get_database(name)


def durable_database(name: str = "inventory") -> Database:
    """The same database with majority reads and journaled majority writes."""
    return get_client().get_database(
        name,
        read_concern=ReadConcern("majority"),
        write_concern=WriteConcern(w="majority", j=True, wtimeout=10_000),
        read_preference=ReadPreference.PRIMARY,
    )


def ping() -> bool:
    reply = get_client().admin.command("ping")
    return reply.get("ok") == 1.0


def list_databases() -> list[str]:
    return get_client().list_database_names()


def close() -> None:
    if get_client.cache_info().currsize:
        get_client().close()
        get_client.cache_clear()
