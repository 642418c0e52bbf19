# Modern pandas, and look-alikes of the removed 0.x APIs, in a file that imports pandas:
# none of these are reported.
import numpy as np
import pandas as pd
from pandas import merge_ordered
from statsmodels.formula import api as smf

df = pd.DataFrame({"a": [3, 1, 2], "b": [1.0, 2.0, 3.0]})
s = df["a"]
names = ["b", "a"]


class Query:
    def select(self, *cols):
        return self

    def sort(self, key):
        return self

    def order(self):
        return self

    def irow(self, i):
        return i

    def reindex_axis(self, labels, axis=0):
        return labels


q = Query()
# ok: dataframe-select-removed
q.select("a", "b")
# ok: dataframe-sort-removed
q.sort("a")
# ok: dataframe-sort-removed
q.order()
# ok: irow-icol-removed
q.irow(0)
# ok: reindex-axis-removed
q.reindex_axis(["a"])
# ok: dataframe-sort-removed
names.sort()

# ok: dataframe-sort-removed
df = df.sort_values("a", ascending=False)
# ok: irow-icol-removed
row = df.iloc[0]
# ok: pandas-rolling-functions-removed
ma = s.rolling(window=2).mean()
# ok: pandas-rolling-functions-removed
smooth = s.ewm(span=2).mean()
# ok: pandas-ordered-merge-removed
merged = merge_ordered(df, df, on="a")
# ok: pandas-timegrouper-removed
grouper = pd.Grouper(freq="ME")
# ok: pandas-ols-removed
model = smf.ols("b ~ a", data=df).fit()
# ok: convert-objects-removed
df = df.infer_objects()
# ok: reindex-axis-removed
df = df.reindex(["b", "a"], axis=1)
# ok: from-csv-removed
back = pd.read_csv("prices.csv", index_col=0, parse_dates=True)

with pd.HDFStore("store.h5") as store:
    # ok: dataframe-select-removed
    part = store.select("prices", where="a > 1")


class Panel:
    """The application's own dashboard panel."""


# ok: pandas-panel-removed
widget = Panel()
# ok: pandas-timeseries-removed
series = pd.Series([1, 2, 3], index=pd.date_range("2024-01-01", periods=3))


class Cursor:
    def __init__(self):
        self.ix = [0, 1]

    def current(self):
        # ok: ix-indexer-removed
        return self.ix[0]


class Field:
    def get_value(self):
        return 1

    def valid(self):
        return True

    def compound(self):
        return self


field = Field()
# ok: get-set-value-removed
field.get_value()
# ok: series-valid-removed
field.valid()
# ok: compound-removed
field.compound()
# ok: ix-indexer-removed
value = df.loc[0, "a"]
# ok: as-matrix-removed
X = df.to_numpy()
# ok: get-set-value-removed
df.at[0, "a"] = 1
# ok: sort-index-by-removed
ranked = df.sort_values(by="a")
arr = np.array([1.0, 0.0, 3.0])
# ok: series-ptp-removed
spread = np.ptp(arr)
# ok: series-ptp-removed
spread = arr.ptp()
# ok: series-nonzero-removed
hits = arr.nonzero()
# ok: series-real-imag-removed
re = arr.real
# ok: series-real-imag-removed
im = (1 + 2j).imag
# ok: ftypes-removed
kinds = df.dtypes
# ok: get-dtype-counts-removed
counts = df.dtypes.value_counts()
# ok: clip-upper-removed
capped = s.clip(upper=2)
# ok: clip-lower-removed
floored = s.clip(lower=0)
# ok: sparse-frame-classes-removed
sparse = pd.DataFrame({"a": pd.arrays.SparseArray([0, 0, 1])})
# ok: to-sparse-removed
sdf = df.astype(pd.SparseDtype("float", 0.0))


def rotation_matrix(rotation):
    # ok: as-matrix-removed
    return rotation.as_matrix()


def densify(tensor):
    # ok: to-sparse-removed
    return tensor.to_sparse()

# ok: pandas-value-counts-removed
city_counts = df["a"].value_counts()
# ok: pandas-value-counts-removed
other_counts = pd.Series(["a", "b"]).value_counts()
# ok: swapaxes-removed
flipped = df.T
# ok: swapaxes-removed
moved = arr.reshape(1, 3).swapaxes(0, 1)
# ok: dataframe-bool-removed
flag = bool(pd.Series([True]).item())
# ok: dataframe-first-last-removed
firsts = df.groupby("a").first()
# ok: dataframe-first-last-removed
lasts = df.groupby("a")["b"].last()
# ok: series-view-removed
as_int = s.astype("int64")
# ok: series-view-removed
raw = arr.view("int64")
# ok: groupby-axis-removed
sums = df.groupby("a").sum()
# ok: groupby-axis-removed
by_cols = df.T.groupby(["x", "x"]).sum()
# ok: read-csv-delim-whitespace-removed
table = pd.read_csv("table.txt", sep=r"\s+", header=None)
# ok: read-csv-date-parser-removed
logs = pd.read_csv("log.csv", parse_dates=["ts"], date_format="%Y-%m-%d")
# ok: read-csv-infer-datetime-format-removed
fast = pd.read_csv("log.csv", parse_dates=["ts"])
# ok: use-inf-as-na-option-removed
pd.set_option("display.max_rows", 100)
# ok: use-inf-as-na-option-removed
clean = df.replace([np.inf, -np.inf], np.nan)
# ok: is-categorical-dtype-deprecated
is_cat = isinstance(s.dtype, pd.CategoricalDtype)
# ok: is-datetime64tz-dtype-deprecated
aware = isinstance(s.dtype, pd.DatetimeTZDtype)
# ok: is-period-dtype-deprecated
periods = isinstance(s.dtype, pd.PeriodDtype)
# ok: is-interval-dtype-deprecated
intervals = isinstance(s.dtype, pd.IntervalDtype)
# ok: is-sparse-deprecated
sparse = isinstance(s.dtype, pd.SparseDtype)
# ok: is-categorical-dtype-deprecated
numeric = pd.api.types.is_numeric_dtype(s)


class Registry:
    def lookup(self, key):
        return key

    def render(self):
        return ""

    def hide_index(self):
        return self


registry = Registry()
# ok: dataframe-lookup-removed
registry.lookup("a")
# ok: styler-render-removed
registry.render()
# ok: styler-hide-index-removed
registry.hide_index()
# ok: tshift-removed
moved = s.shift(1)
# ok: slice-shift-removed
shifted = s.shift(1).iloc[1:]
stamp = pd.Timestamp("2024-03-01")
# ok: weekofyear-removed
week = stamp.week
# ok: weekofyear-removed
weeks = pd.Series(pd.date_range("2024-01-01", periods=3)).dt.isocalendar().week
# ok: styler-render-removed
html = df.style.to_html()
# ok: styler-hide-index-removed
styled = df.style.hide(axis="index")
# ok: styler-set-precision-removed
rounded = df.style.format(precision=2, na_rep="-")
# ok: date-converters-removed
stamps = pd.to_datetime(pd.Series(["2024-01-01"]) + " " + pd.Series(["10:00"]))
# ok: is-extension-type-removed
ext = pd.api.types.is_extension_array_dtype(s)
signal = pd.DataFrame({"real": [1.0], "imag": [0.0]})
# ok: series-real-imag-removed
re_col = signal.real
# ok: pandas-ols-removed
stats_note = "pandas.stats.moments held the rolling functions until 0.23"
