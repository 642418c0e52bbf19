"""Orders: multi-document transactions and bulk writes."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from bson import ObjectId
from pymongo import DeleteOne, InsertOne, MongoClient, ReplaceOne, UpdateMany, UpdateOne
from pymongo.client_session import ClientSession
from pymongo.errors import BulkWriteError, ConnectionFailure, OperationFailure, PyMongoError
from pymongo.read_concern import ReadConcern
from pymongo.write_concern import WriteConcern

log = logging.getLogger(__name__)


class OutOfStock(Exception):
    pass


class OrderService:
    def __init__(self, client: MongoClient, db_name: str = "inventory") -> None:
        self.client = client
        self.db = client[db_name]
        self.orders = self.db.orders
        self.products = self.db.products
        self.events: list[dict[str, Any]] = []

    def place_order(self, customer_id: ObjectId, lines: list[dict[str, Any]]) -> ObjectId:
        """Reserve stock and create the order atomically."""

        def callback(session: ClientSession) -> ObjectId:
            for line in lines:
                result = self.products.update_one(
                    {"sku": line["sku"], "stock": {"$gte": line["qty"]}},
                    {"$inc": {"stock": -line["qty"]}},
                    session=session,
                )
                if result.modified_count != 1:
                    raise OutOfStock(line["sku"])
            order = {
                "customer_id": customer_id,
                "lines": lines,
                "status": "placed",
                "created_at": datetime.now(timezone.utc),
            }
            return self.orders.insert_one(order, session=session).inserted_id

        with self.client.start_session() as session:
            order_id = session.with_transaction(
                callback,
                read_concern=ReadConcern("snapshot"),
                write_concern=WriteConcern(w="majority", wtimeout=5000),
            )
        self.events.insert(0, {"type": "order_placed", "order_id": order_id})
        return order_id

    def cancel(self, order_id: ObjectId) -> bool:
        with self.client.start_session() as session:
            with session.start_transaction():
                order = self.orders.find_one_and_update(
                    {"_id": order_id, "status": "placed"},
                    {"$set": {"status": "cancelled"}},
                    session=session,
                )
                if order is None:
                    session.abort_transaction()
                    return False
                for line in order["lines"]:
                    self.products.update_one(
                        {"sku": line["sku"]}, {"$inc": {"stock": line["qty"]}}, session=session
                    )
        return True

    def import_batch(self, rows: list[dict[str, Any]]) -> dict[str, int]:
        requests = []
        for row in rows:
            if row.get("deleted"):
                requests.append(DeleteOne({"external_id": row["external_id"]}))
            elif row.get("replace"):
                requests.append(
                    ReplaceOne({"external_id": row["external_id"]}, row["doc"], upsert=True)
                )
            elif "_id" in row:
                requests.append(UpdateOne({"_id": row["_id"]}, {"$set": row["changes"]}))
            else:
                requests.append(InsertOne(row["doc"]))
        if not requests:
            return {"inserted": 0, "modified": 0, "deleted": 0, "upserted": 0}
        try:
            result = self.orders.bulk_write(requests, ordered=False)
        except BulkWriteError as error:
            log.error("bulk import failed: %s", error.details.get("writeErrors", [])[:3])
            raise
        return {
            "inserted": result.inserted_count,
            "modified": result.modified_count,
            "deleted": result.deleted_count,
            "upserted": result.upserted_count,
        }

    def close_stale(self, days: int = 30) -> int:
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        result = self.orders.bulk_write(
            [
                UpdateMany(
                    {"status": "placed", "created_at": {"$lt": cutoff}},
                    {"$set": {"status": "closed"}},
                )
            ]
        )
        return result.modified_count

    def purge_cancelled(self) -> int:
        return self.orders.delete_many({"status": "cancelled"}).deleted_count

    def count_by_status(self, status: str) -> int:
        return self.orders.count_documents({"status": status})

    def safe_status(self, order_id: ObjectId) -> str | None:
        try:
            order = self.orders.find_one({"_id": order_id}, {"status": 1})
        except ConnectionFailure:
            log.warning("database unavailable")
            return None
        except OperationFailure as error:
            log.error("query failed: %s", error.details)
            return None
        except PyMongoError:
            log.exception("unexpected driver error")
            return None
        return None if order is None else order["status"]
