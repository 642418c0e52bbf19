"""Data access for orders and customers."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.collation import Collation, CollationStrength

from .db import get_database

PAGE_SIZE = 20
CASE_INSENSITIVE = Collation(locale="en", strength=CollationStrength.SECONDARY)


def orders():
    return get_database()["orders"]


def customers():
    return get_database()["customers"]


def ensure_indexes() -> None:
    orders().create_indexes(
        [
            IndexModel(
                [("customerId", ASCENDING), ("createdAt", DESCENDING)], name="customer_createdAt"
            ),
            IndexModel([("status", ASCENDING), ("_id", ASCENDING)], name="status_id"),
            IndexModel([("sku", ASCENDING)], name="sku"),
        ]
    )
    customers().create_index([("name", ASCENDING)], collation=CASE_INSENSITIVE, name="name_ci")


def create_order(customer_id: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum(line["qty"] * line["price"] for line in lines)
    doc = {
        "customerId": customer_id,
        "lines": lines,
        "total": total,
        "status": "pending",
        "createdAt": datetime.now(timezone.utc),
    }
    result = orders().insert_one(doc)
    doc["_id"] = result.inserted_id
    return doc


def get_order(order_id: str) -> dict[str, Any] | None:
    return orders().find_one({"_id": ObjectId(order_id)})


def list_orders(status: str | None = None, after: str | None = None, limit: int = PAGE_SIZE):
    """Range pagination on _id: the client passes the last id it saw."""
    query: dict[str, Any] = {}
    if status:
        query["status"] = status
    if after:
        query["_id"] = {"$gt": ObjectId(after)}
    cursor = orders().find(query).sort("_id", ASCENDING).limit(min(limit, 100))
    page = list(cursor)
    next_after = str(page[-1]["_id"]) if page else None
    return page, next_after


def search_sku_prefix(prefix: str) -> list[dict[str, Any]]:
    """An anchored, case-sensitive prefix uses the sku index as a range."""
    pattern = re.compile("^" + re.escape(prefix))
    return list(orders().find({"sku": pattern}).limit(PAGE_SIZE))


def find_customers_by_name(name: str) -> list[dict[str, Any]]:
    """Case-insensitive equality through the collation index, not a /.../i regex."""
    return list(customers().find({"name": name}, collation=CASE_INSENSITIVE).limit(PAGE_SIZE))


def count_by_status(status: str) -> int:
    return orders().count_documents({"status": status})


def total_orders() -> int:
    return orders().estimated_document_count()


def late_orders() -> list[dict[str, Any]]:
    return list(orders().find({"$expr": {"$gt": ["$shippedAt", "$promisedAt"]}}, {"_id": 1}))


def revenue_by_customer(days: int = 30) -> list[dict[str, Any]]:
    since = datetime.now(timezone.utc) - timedelta(days=days)
    pipeline = [
        {"$match": {"status": "paid", "createdAt": {"$gte": since}}},
        {"$group": {"_id": "$customerId", "revenue": {"$sum": "$total"}, "orders": {"$sum": 1}}},
        {"$sort": {"revenue": -1}},
        {"$limit": 10},
    ]
    return list(orders().aggregate(pipeline))


def mark_paid(order_id: str) -> dict[str, Any] | None:
    return orders().find_one_and_update(
        {"_id": ObjectId(order_id), "status": "pending"},
        {"$set": {"status": "paid", "paidAt": datetime.now(timezone.utc)}},
        return_document=ReturnDocument.AFTER,
    )


def cancel_stale(days: int = 90) -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    result = orders().update_many(
        {"status": "pending", "createdAt": {"$lt": cutoff}},
        {"$set": {"status": "cancelled"}},
    )
    return result.modified_count


def purge_cancelled(days: int = 365) -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    return orders().delete_many({"status": "cancelled", "createdAt": {"$lt": cutoff}}).deleted_count
