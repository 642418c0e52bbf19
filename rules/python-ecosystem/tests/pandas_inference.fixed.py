# What a receiver is, inferred from where it came from (the `types:` in pandas.yaml), in every
# form the engine follows; each with a look-alike that is not a pandas object.
from typing import Optional

import pandas as pd
from pandas import DataFrame, read_parquet

rows = []
other = pd.DataFrame({"a": [4]})

# A name assigned from a factory, a reader, a constructor, a builder: any `append` call is
# the removed method, with or without pandas' keywords.
df = pd.read_csv("data.csv")
merged = pd.concat([df, other])
built = DataFrame.from_records(rows)
# expect: dataframe-append-removed
df = df.append(other)
# expect: dataframe-append-removed
merged.append({"a": 1}, ignore_index=True)
# expect: dataframe-append-removed
built.append(other)
# ... and still one after `df = df.append(...)`.
# expect: iteritems-removed
pairs = list(df.items())
# A list's append, a dict's update: not a DataFrame's.
# ok: dataframe-append-removed
rows.append(df)
# ok: dataframe-append-removed
rows.append({"a": 1})

# Method chains: DataFrame methods, groupby, `style`, the index.
# expect: dataframe-append-removed
df.dropna().reset_index(drop=True).append(other)
# expect: mad-removed
by_key = df.groupby("key").mad(numeric_only=True)
# expect: mad-removed
df.groupby("key")["value"].mad()
# expect: fillna-method-ffill-removed
filled = df.groupby("key").ffill()
# expect: applymap-removed
styled = df.style.highlight_max().map(str)
# expect: is-monotonic-removed
rising = pd.date_range("2024-01-01", periods=3).is_monotonic_increasing
# The index's append is not the removed one.
# ok: dataframe-append-removed
labels = df.index.append(pd.Index(["z"]))
# ok: dataframe-append-removed
columns = df.columns.append(pd.Index(["c"]))

# Subscripts and attributes: a column is a Series; `df[["a", "b"]]` is typed Series too,
# and every rule accepts both.
# expect: dataframe-append-removed
column = df["a"].append(other["a"])
# expect: mad-removed
spread = df[["a", "b"]].mad(0)
# expect: mad-removed
price_spread = df.price.mad(skipna=False)
# expect: is-monotonic-removed
ordered = df["a"].is_monotonic_increasing
# `df.loc[...]` / `df.at[...]` may be a cell holding a list: unknown, so only the pandas
# call shape is reported on it.
# ok: dataframe-append-removed
df.at[0, "tags"].append("new")
# expect: dataframe-append-removed
df.loc[df["a"] > 1].append(other, ignore_index=True)

# Tuple targets, pairwise; a walrus; `with ... as`.
left, pending = read_parquet("left.parquet"), []
# expect: dataframe-append-removed
left.append(other)
# ok: dataframe-append-removed
pending.append(other)
if (frame := pd.read_json("x.json")) is not None:
    # expect: dataframe-append-removed
    frame.append(other)
with pd.HDFStore("store.h5") as store:
    # HDFStore.append(key, value) is its own method.
    # ok: dataframe-append-removed
    store.append("df", df)
    # expect: iteritems-removed
    for key, value in store.items():
        pass
    # expect: dataframe-append-removed
    store["df"].append(other)

# A for loop binds what the iterable iterates: rolling windows are DataFrames. A chunked
# reader is typed DataFrame, and what a DataFrame iterates is not declared: unknown.
for window in df.rolling(3):
    # expect: mad-removed
    window.mad(1)
for chunk in pd.read_csv("big.csv", chunksize=1000):
    # ok: dataframe-append-removed
    chunk.append(other)
    # expect: dataframe-append-removed
    chunk.append(other, sort=False)


# Parameter annotations: plain, dotted, Optional, quoted.
def combine(
    a: DataFrame, b: Optional[pd.Series], c: "pd.DataFrame", d: pd.core.frame.DataFrame, e
):
    # expect: dataframe-append-removed
    a.append(other)
    # expect: dataframe-append-removed
    b.append(other)
    # expect: dataframe-append-removed
    c.append(other)
    # expect: mad-removed
    d.mad(0)
    # A parameter nothing says anything about: only the pandas call shapes.
    # ok: dataframe-append-removed
    e.append(other)
    # expect: dataframe-append-removed
    e.append(other, ignore_index=True)
    # ok: mad-removed
    e.mad(e)
    # expect: mad-removed
    e.mad()


# Return annotations, and what a function returns.
def load() -> pd.DataFrame:
    return fetch_frame()


def load_json():
    return pd.read_json("x.json")


# expect: dataframe-append-removed
load().append(other)
# expect: dataframe-append-removed
load_json().append(other)


# An attribute set in one method and used in another; a subclass of DataFrame; the
# application's own classes with `append`, `mad`, `iteritems`, `applymap`, `is_monotonic`,
# `fillna` and `to_csv`.
class Report:
    def __init__(self, path):
        self.frame = pd.read_csv(path)
        self.lines = []
        self.ledger = Ledger()

    def add(self, row):
        # expect: dataframe-append-removed
        self.frame = self.frame.append(row)
        # ok: dataframe-append-removed
        self.lines.append(row)
        # ok: dataframe-append-removed
        self.ledger.append(row, sort=True)
        # ok: iteritems-removed
        for k, v in self.ledger.iteritems():
            pass
        # ok: mad-removed
        self.ledger.mad()
        # ok: applymap-removed
        self.ledger.applymap(str)
        # ok: is-monotonic-removed
        return self.ledger.is_monotonic

    def save(self, path):
        # ok: fillna-method-bfill-removed
        self.ledger.fillna(method="bfill")
        # ok: to-csv-line-terminator-removed
        self.ledger.to_csv(path, line_terminator="\n")
        # expect: to-csv-line-terminator-removed
        self.frame.to_csv(path, lineterminator="\n")


class PricedFrame(pd.DataFrame):
    pass


# expect: dataframe-append-removed
PricedFrame({"a": [1]}).append(other)


class Ledger:
    is_monotonic = True

    def append(self, row, sort=False):
        pass

    def iteritems(self):
        return iter(())

    def mad(self):
        return 0

    def applymap(self, func):
        pass

    def fillna(self, method=None):
        pass

    def to_csv(self, path, line_terminator="\n"):
        pass


# A dict from Python 2 code: `iteritems()` is gone there too, and `items()` is right.
legacy = {"a": 1}
# expect: iteritems-removed
for k, v in legacy.items():
    pass
