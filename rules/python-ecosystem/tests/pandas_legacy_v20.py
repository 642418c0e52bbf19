# pandas 1.x code removed in pandas 2.0 (pandas_legacy.yaml).
import numpy as np
import pandas as pd
# expect: date-converters-removed
from pandas.io.date_converters import parse_date_time

df = pd.read_csv("events.csv", parse_dates=["date"], index_col="date")
s = df["clicks"]
idx = pd.date_range("2024-01-01", periods=10, freq="D")

# expect: tshift-removed
moved = s.tshift(1, freq="D")
# expect: slice-shift-removed
shifted = s.slice_shift(1)
# expect: dataframe-lookup-removed
values = df.lookup(df.index, ["clicks"] * len(df))
# expect: weekofyear-removed
weeks = df.reset_index()["date"].dt.weekofyear
# expect: weekofyear-removed
weeks2 = pd.Series(idx).dt.week
# expect: weekofyear-removed
idx_weeks = idx.weekofyear
# expect: styler-render-removed
html = df.style.render()
# expect: styler-hide-index-removed
styled = df.style.hide_index()
# expect: styler-hide-index-removed
styled2 = df.style.format("{:.2f}").hide_columns(["clicks"])
# expect: styler-set-precision-removed
rounded = df.style.set_precision(2)
# expect: styler-set-precision-removed
blanks = df.style.set_na_rep("-")
# expect: is-extension-type-removed
ext = pd.api.types.is_extension_type(s)
# expect: is-extension-type-removed
cat = pd.api.types.is_categorical(s)
