"""Data access with 2.0-style queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from .db import Base, Product, Supplier


class ProductRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, product_id: int) -> Product | None:
        return self.session.get(Product, product_id)

    def by_sku(self, sku: str) -> Product | None:
        stmt = select(Product).where(Product.sku == sku)
        return self.session.scalars(stmt).first()

    def list_low_stock(self, threshold: int) -> Sequence[Product]:
        stmt = (
            select(Product)
            .options(selectinload(Product.supplier))
            .where(Product.stock <= threshold)
            .order_by(Product.stock, Product.sku)
        )
        return self.session.scalars(stmt).all()

    def count_by_supplier(self) -> dict[str, int]:
        stmt = (
            select(Supplier.name, func.count(Product.id))
            .join(Product, Product.supplier_id == Supplier.id)
            .group_by(Supplier.name)
        )
        return {name: count for name, count in self.session.execute(stmt)}

    def add_many(self, products: Iterable[Product]) -> None:
        self.session.add_all(list(products))

    def reprice(self, sku: str, price: Decimal) -> int:
        stmt = update(Product).where(Product.sku == sku).values(price=price)
        return self.session.execute(stmt).rowcount

    def purge_discontinued(self, skus: list[str]) -> None:
        self.session.execute(delete(Product).where(Product.sku.in_(skus)))

    def search(self, term: str) -> list[Product]:
        query = select(Product).where(Product.name.ilike(f"%{term}%")).limit(50)
        return list(self.session.scalars(query))


def create_schema(engine: Engine) -> None:
    Base.metadata.create_all(engine)


def database_size(engine: Engine) -> int:
    with engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
        size = conn.execute(text("PRAGMA page_size")).scalar_one()
    return pages * size


def vacuum(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")


def restock(engine: Engine, sku: str, quantity: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE products SET stock = stock + :qty WHERE sku = :sku"),
            {"qty": quantity, "sku": sku},
        )
