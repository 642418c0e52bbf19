"""Reports built with aggregation pipelines (no map_reduce, no group)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pymongo.database import Database


def revenue_by_category(db: Database, since: datetime) -> list[dict[str, Any]]:
    pipeline = [
        {"$match": {"status": {"$in": ["placed", "shipped"]}, "created_at": {"$gte": since}}},
        {"$unwind": "$lines"},
        {
            "$lookup": {
                "from": "products",
                "localField": "lines.sku",
                "foreignField": "sku",
                "as": "product",
            }
        },
        {"$unwind": "$product"},
        {
            "$group": {
                "_id": "$product.category",
                "revenue": {"$sum": {"$multiply": ["$lines.qty", "$product.price"]}},
                "orders": {"$addToSet": "$_id"},
            }
        },
        {"$project": {"revenue": 1, "orders": {"$size": "$orders"}}},
        {"$sort": {"revenue": -1}},
    ]
    return list(db.orders.aggregate(pipeline, allowDiskUse=True))


def daily_order_counts(db: Database, since: datetime) -> dict[str, int]:
    pipeline = [
        {"$match": {"created_at": {"$gte": since}}},
        {
            "$group": {
                "_id": {"$dateToString": {"format": "%Y-%m-%d", "date": "$created_at"}},
                "n": {"$sum": 1},
            }
        },
        {"$sort": {"_id": 1}},
    ]
    counts: dict[str, int] = {}
    for row in db.orders.aggregate(pipeline):
        counts[row["_id"]] = row["n"]
    return counts


def materialize_customer_totals(db: Database) -> None:
    db.orders.aggregate(
        [
            {"$unwind": "$lines"},
            {"$group": {"_id": "$customer_id", "items": {"$sum": "$lines.qty"}}},
            {"$merge": {"into": "customer_totals", "whenMatched": "replace"}},
        ]
    )


def low_stock(db: Database, threshold: int = 5) -> list[str]:
    cursor = db.products.find({"stock": {"$lt": threshold}}, {"sku": 1, "_id": 0})
    return [doc["sku"] for doc in cursor]


def tag_histogram(db: Database) -> Counter:
    histogram: Counter = Counter()
    for doc in db.products.find({}, {"tags": 1}):
        histogram.update(doc.get("tags", []))
    return histogram


def busiest_customers(db: Database, n: int = 10) -> list[tuple[Any, int]]:
    rows = db.orders.aggregate([{"$sortByCount": "$customer_id"}, {"$limit": n}])
    return [(row["_id"], row["count"]) for row in rows]


def summary(db: Database) -> dict[str, Any]:
    statuses = ["placed", "shipped", "cancelled", "closed"]
    counts = {status: db.orders.count_documents({"status": status}) for status in statuses}
    totals = {
        "orders": db.orders.estimated_document_count(),
        "products": db.products.estimated_document_count(),
    }
    totals.update(counts)
    labels = [status.title() for status in statuses]
    labels.insert(0, "Total")
    totals["labels"] = ", ".join(labels)
    totals["has_cancellations"] = list(counts.values()).count(0) < len(counts)
    totals["collections"] = db.list_collection_names()
    return totals


def explain_category_query(db: Database, category: str) -> dict[str, Any]:
    return db.command(
        "explain",
        {"find": "products", "filter": {"category": category}},
        verbosity="queryPlanner",
    )
