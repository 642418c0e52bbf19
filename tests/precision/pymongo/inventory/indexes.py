"""Indexes, created once at startup (not on every write)."""

from __future__ import annotations

import logging

from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel
from pymongo.database import Database
from pymongo.errors import OperationFailure

log = logging.getLogger(__name__)

PRODUCT_INDEXES = [
    IndexModel([("sku", ASCENDING)], name="sku_unique", unique=True),
    IndexModel([("category", ASCENDING), ("price", DESCENDING)], name="category_price"),
    IndexModel([("name", TEXT), ("description", TEXT)], name="product_text"),
]

ORDER_INDEXES = [
    IndexModel([("customer_id", ASCENDING), ("created_at", DESCENDING)], name="customer_recent"),
    IndexModel(
        [("status", ASCENDING)],
        name="status",
        partialFilterExpression={"status": {"$ne": "closed"}},
    ),
]


def ensure_indexes(db: Database) -> dict[str, list[str]]:
    """Create the application's indexes; safe to run on every deploy."""
    created: dict[str, list[str]] = {}
    created["products"] = db.products.create_indexes(PRODUCT_INDEXES)
    created["orders"] = db.orders.create_indexes(ORDER_INDEXES)
    created["sessions"] = [db.sessions.create_index("expires_at", expireAfterSeconds=0)]
    created["audit"] = [db["audit_log"].create_index([("at", DESCENDING)])]
    for name, names in created.items():
        log.info("indexes on %s: %s", name, ", ".join(names))
    return created


def drop_unknown_indexes(db: Database, collection_name: str, keep: set[str]) -> list[str]:
    dropped = []
    for info in db[collection_name].list_indexes():
        name = info["name"]
        if name == "_id_" or name in keep:
            continue
        try:
            db[collection_name].drop_index(name)
        except OperationFailure as error:
            log.warning("could not drop %s.%s: %s", collection_name, name, error)
            continue
        dropped.append(name)
    return dropped


def collections_missing(db: Database, wanted: list[str]) -> list[str]:
    existing = set(db.list_collection_names(filter={"name": {"$regex": r"^(?!system\.)"}}))
    missing = [name for name in wanted if name not in existing]
    missing.sort()
    return missing
