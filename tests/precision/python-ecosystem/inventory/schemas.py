"""Pydantic v2 schemas for the API and the supplier feed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    computed_field,
    field_serializer,
    field_validator,
    model_validator,
)

Sku = Annotated[str, Field(pattern=r"^[A-Z]{3}-\d{4}$")]


class ProductIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    sku: Sku
    name: str = Field(min_length=1, max_length=200)
    price: Decimal = Field(gt=0, decimal_places=2)
    stock: int = Field(default=0, ge=0)
    supplier: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def collapse_spaces(cls, value: str) -> str:
        return " ".join(str(value).split())

    @field_validator("supplier")
    @classmethod
    def supplier_known(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.context and value not in info.context.get("suppliers", ()):
            raise ValueError(f"unknown supplier {value!r}")
        return value


class ProductOut(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)

    id: int
    sku: str
    name: str
    price: Decimal
    stock: int
    updated_at: datetime

    @computed_field
    @property
    def in_stock(self) -> bool:
        return self.stock > 0

    @field_serializer("price")
    def price_as_string(self, price: Decimal) -> str:
        return f"{price:.2f}"


class PriceChange(BaseModel):
    sku: Sku
    old_price: Decimal
    new_price: Decimal
    reason: Literal["supplier", "promotion", "correction"] = "supplier"

    @model_validator(mode="after")
    def check_change(self) -> PriceChange:
        if self.old_price == self.new_price:
            raise ValueError("price did not change")
        return self


class SupplierFeed(BaseModel):
    supplier: str
    generated_at: datetime
    items: list[ProductIn]

    @model_validator(mode="before")
    @classmethod
    def unwrap_envelope(cls, data: object) -> object:
        if isinstance(data, dict) and "payload" in data:
            return data["payload"]
        return data


class Page(BaseModel):
    items: list[ProductOut]
    total: int
    next_cursor: str | None = None


Page.model_rebuild()
