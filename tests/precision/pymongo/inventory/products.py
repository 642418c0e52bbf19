"""Product repository: CRUD on the `products` collection."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.collection import Collection
from pymongo.database import Database
from pymongo.errors import DuplicateKeyError


@dataclass
class Product:
    sku: str
    name: str
    price: float
    category: str
    stock: int = 0
    tags: list[str] = field(default_factory=list)

    def to_document(self) -> dict[str, Any]:
        document = asdict(self)
        document["updated_at"] = datetime.now(timezone.utc)
        return document


class ProductRepository:
    def __init__(self, db: Database) -> None:
        self.collection: Collection = db.products

    def add(self, product: Product) -> ObjectId:
        document = product.to_document()
        document["created_at"] = document["updated_at"]
        try:
            result = self.collection.insert_one(document)
        except DuplicateKeyError:
            raise ValueError(f"duplicate sku {product.sku}") from None
        return result.inserted_id

    def add_many(self, products: Iterable[Product]) -> list[ObjectId]:
        documents = [p.to_document() for p in products]
        if not documents:
            return []
        result = self.collection.insert_many(documents, ordered=False)
        return list(result.inserted_ids)

    def get(self, sku: str) -> dict[str, Any] | None:
        return self.collection.find_one({"sku": sku}, projection={"_id": 0})

    def find_by_category(
        self, category: str, *, max_price: float | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        query: dict[str, Any] = {"category": category}
        if max_price is not None:
            query["price"] = {"$lte": max_price}
        cursor = (
            self.collection.find(query, {"_id": 0})
            .sort([("price", ASCENDING), ("sku", ASCENDING)])
            .limit(limit)
        )
        return list(cursor)

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        cursor = self.collection.find(
            {"$text": {"$search": text}},
            {"score": {"$meta": "textScore"}, "_id": 0},
        ).sort([("score", {"$meta": "textScore"})])
        return list(cursor.limit(limit))

    def iter_all(self, batch_size: int = 500) -> Iterator[dict[str, Any]]:
        with self.collection.find({}, batch_size=batch_size, no_cursor_timeout=True) as cursor:
            yield from cursor

    def rename(self, sku: str, name: str) -> bool:
        result = self.collection.update_one(
            {"sku": sku},
            {"$set": {"name": name, "updated_at": datetime.now(timezone.utc)}},
        )
        return result.modified_count == 1

    def set_price(self, sku: str, price: float) -> dict[str, Any] | None:
        return self.collection.find_one_and_update(
            {"sku": sku},
            {"$set": {"price": price}, "$currentDate": {"updated_at": True}},
            projection={"_id": 0, "sku": 1, "price": 1},
            return_document=ReturnDocument.AFTER,
        )

    def tag(self, skus: list[str], tag: str) -> int:
        result = self.collection.update_many({"sku": {"$in": skus}}, {"$addToSet": {"tags": tag}})
        return result.modified_count

    def replace(self, product: Product) -> bool:
        result = self.collection.replace_one(
            {"sku": product.sku}, product.to_document(), upsert=True
        )
        return result.upserted_id is not None or result.modified_count == 1

    def adjust_stock(self, sku: str, delta: int) -> int | None:
        updated = self.collection.find_one_and_update(
            {"sku": sku, "stock": {"$gte": -delta}} if delta < 0 else {"sku": sku},
            {"$inc": {"stock": delta}},
            return_document=ReturnDocument.AFTER,
        )
        return None if updated is None else updated["stock"]

    def discontinue(self, sku: str) -> dict[str, Any] | None:
        return self.collection.find_one_and_delete({"sku": sku})

    def delete_category(self, category: str) -> int:
        return self.collection.delete_many({"category": category}).deleted_count

    def count_in_category(self, category: str) -> int:
        return self.collection.count_documents({"category": category})

    def count_all(self) -> int:
        return self.collection.estimated_document_count()

    def distinct_categories(self) -> list[str]:
        categories = self.collection.distinct("category")
        categories.sort()
        return categories

    def cheapest(self, category: str) -> dict[str, Any] | None:
        return self.collection.find_one({"category": category}, sort=[("price", ASCENDING)])

    def most_expensive(self, n: int = 5) -> list[dict[str, Any]]:
        return list(self.collection.find().sort("price", DESCENDING).limit(n))
