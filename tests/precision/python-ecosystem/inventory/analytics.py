"""Pricing and stock analytics with pandas 2."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine

from .db import Product


def load_products(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = pd.read_sql(select(Product.sku, Product.price, Product.stock), conn)
    frame["price"] = frame["price"].astype("float64")
    return frame


def load_sales(path: Path) -> pd.DataFrame:
    sales = pd.read_csv(
        path,
        parse_dates=["sold_at"],
        dtype={"sku": "string", "quantity": "int64"},
        on_bad_lines="warn",
    )
    return sales.sort_values("sold_at").reset_index(drop=True)


def daily_revenue(sales: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    merged = sales.merge(products[["sku", "price"]], on="sku", how="left")
    merged["revenue"] = merged["quantity"] * merged["price"]
    daily = merged.set_index("sold_at").groupby("sku")["revenue"].resample("D").sum().reset_index()
    daily["revenue"] = daily.groupby("sku")["revenue"].ffill()
    return daily


def collect_batches(batches: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    rows = []
    frames = []
    for batch in batches:
        rows.append(dict(batch))
        if len(rows) == 500:
            frames.append(pd.DataFrame(rows))
            rows = []
    if rows:
        frames.append(pd.DataFrame(rows))
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def price_bands(products: pd.DataFrame) -> pd.DataFrame:
    bands = pd.cut(products["price"], bins=[0, 10, 50, 200, np.inf], labels=["S", "M", "L", "XL"])
    out = products.assign(band=bands)
    out["label"] = out["band"].map(str).str.lower()
    return out


def spread(series: pd.Series) -> float:
    mean_abs_dev = (series - series.mean()).abs().mean()
    return float(mean_abs_dev)


def report(products: pd.DataFrame, path: Path) -> None:
    summary = products.describe()
    for column, values in summary.items():
        if not values.index.is_monotonic_increasing:
            values = values.sort_index()
        summary[column] = values
    formatted = summary.map(lambda v: round(v, 2) if isinstance(v, float) else v)
    formatted.to_csv(path, lineterminator="\n", index=True)


def low_stock(products: pd.DataFrame, threshold: int) -> pd.DataFrame:
    return products.query("stock <= @threshold").sort_values("stock")


def fill_gaps(frame: pd.DataFrame) -> pd.DataFrame:
    filled = frame.ffill(limit=3).bfill()
    return filled.fillna({"stock": 0, "price": filled["price"].median()})


def index_info(frame: pd.DataFrame) -> dict[str, object]:
    index = pd.Index(frame["sku"].unique(), dtype="string")
    return {
        "unique": index.is_unique,
        "increasing": index.is_monotonic_increasing,
        "dtype": str(index.dtype),
        "numeric": pd.api.types.is_integer_dtype(frame["stock"]),
    }
