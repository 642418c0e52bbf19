"""Monthly sales report: reading, cleaning, resampling and summarising with pandas 2.x."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype


def load_orders(path: Path) -> pd.DataFrame:
    orders = pd.read_csv(
        path,
        sep=r"\s+",
        parse_dates=["ordered_at"],
        date_format="%Y-%m-%d %H:%M:%S",
        dtype={"sku": "string", "region": "category"},
        on_bad_lines="skip",
    )
    orders = orders.replace([np.inf, -np.inf], np.nan)
    orders["quantity"] = pd.to_numeric(orders["quantity"], errors="coerce")
    orders["price"] = orders["price"].clip(lower=0, upper=10_000)
    return orders.dropna(subset=["quantity", "price"]).sort_values("ordered_at")


def monthly_revenue(orders: pd.DataFrame) -> pd.DataFrame:
    orders = orders.assign(revenue=orders["quantity"] * orders["price"])
    monthly = (
        orders.set_index("ordered_at")
        .groupby([pd.Grouper(freq="ME"), "region"], observed=True)["revenue"]
        .sum()
        .unstack("region")
    )
    monthly["total"] = monthly.sum(axis=1)
    monthly["growth"] = (1 + monthly["total"].pct_change(fill_method=None)).cumprod() - 1
    return monthly


def rolling_summary(orders: pd.DataFrame) -> pd.DataFrame:
    daily = orders.set_index("ordered_at")["price"].resample("D").mean()
    return pd.DataFrame(
        {
            "mean_7d": daily.rolling(window=7, min_periods=1).mean(),
            "std_7d": daily.rolling(window=7, min_periods=1).std(),
            "ewm_14d": daily.ewm(span=14).mean(),
            "cum_max": daily.expanding().max(),
        }
    )


def describe_columns(orders: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, column in orders.items():
        rows.append(
            {
                "column": name,
                "numeric": is_numeric_dtype(column),
                "categorical": isinstance(column.dtype, pd.CategoricalDtype),
                "tz_aware": isinstance(column.dtype, pd.DatetimeTZDtype),
                "missing": int(column.isna().sum()),
                "spread": column.max() - column.min() if is_numeric_dtype(column) else None,
            }
        )
    return pd.DataFrame(rows)


def top_skus(orders: pd.DataFrame, n: int = 10) -> pd.Series:
    counts = orders["sku"].value_counts()
    return counts.head(n)


def first_week(orders: pd.DataFrame) -> pd.DataFrame:
    indexed = orders.set_index("ordered_at").sort_index()
    start = indexed.index[0]
    return indexed.loc[indexed.index < start + pd.Timedelta(days=7)]


def main() -> None:
    orders = load_orders(Path("orders.txt"))
    report = monthly_revenue(orders)
    matrix = report.to_numpy()
    print(matrix.shape, report.T.head())
    first_row = report.iloc[0]
    north = report.loc[:, ["north"]] if "north" in report.columns else report.iloc[:, :1]
    print(first_row, north)
    print(rolling_summary(orders).tail())
    print(describe_columns(orders))
    print(top_skus(orders))
    print(first_week(orders).groupby("region", observed=True).first())
    merged = pd.merge_ordered(report.reset_index(), report.reset_index(), on="ordered_at")
    print(merged.shape)


if __name__ == "__main__":
    main()
