"""Application service: validation, persistence and serialization."""

from __future__ import annotations

import json
import logging
from copy import deepcopy
from decimal import Decimal
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from .db import Product
from .repository import ProductRepository
from .schemas import Page, PriceChange, ProductIn, ProductOut, SupplierFeed

log = logging.getLogger(__name__)
price_changes = TypeAdapter(list[PriceChange])


class InventoryService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.products = ProductRepository(session)

    def create(self, payload: dict, suppliers: set[str]) -> ProductOut:
        data = ProductIn.model_validate(payload, context={"suppliers": suppliers})
        values = data.model_dump(exclude={"supplier"})
        product = Product(**values)
        self.session.add(product)
        self.session.flush()
        return ProductOut.model_validate(product)

    def import_feed(self, path: Path) -> int:
        feed = SupplierFeed.model_validate_json(path.read_text(encoding="utf-8"))
        created = 0
        for item in feed.items:
            if self.products.by_sku(item.sku) is None:
                self.session.add(Product(**item.model_dump(exclude={"supplier"})))
                created += 1
        return created

    def page(self, threshold: int) -> Page:
        rows = self.products.list_low_stock(threshold)
        items = [ProductOut.model_validate(row) for row in rows]
        return Page(items=items, total=len(items))

    def export_page(self, threshold: int) -> str:
        page = self.page(threshold)
        return page.model_dump_json(indent=2, exclude_none=True)

    def apply_changes(self, raw: bytes) -> list[PriceChange]:
        try:
            changes = price_changes.validate_json(raw)
        except ValidationError as exc:
            log.warning("rejected price changes: %s", exc.error_count())
            return []
        for change in changes:
            self.products.reprice(change.sku, change.new_price)
        return changes

    def discounted(self, product: ProductOut, percent: int) -> ProductOut:
        factor = Decimal(100 - percent) / 100
        return product.model_copy(
            update={"price": (product.price * factor).quantize(Decimal("0.01"))}
        )


def summarize(products: list[ProductOut]) -> dict:
    summary = {"count": len(products), "skus": [p.sku for p in products]}
    report = summary.copy()
    report["generated_by"] = "inventory"
    snapshot = deepcopy(report)
    return {"report": report, "snapshot": snapshot, "json": json.dumps(summary)}


def schema_document() -> dict:
    return {
        "product_in": ProductIn.model_json_schema(),
        "product_out": ProductOut.model_json_schema(mode="serialization"),
        "fields": sorted(ProductIn.model_fields),
    }
