# pandas 2.x deprecations that pandas 3.0 removed (pandas_legacy.yaml).
import numpy as np
import pandas as pd
# expect: pandas-value-counts-removed
from pandas import value_counts

df = pd.read_csv("events.csv", parse_dates=["ts"], index_col="ts")
s = df["clicks"]

# expect: pandas-value-counts-removed
counts = pd.value_counts(["a", "b", "a"])
# expect: swapaxes-removed
flipped = df.swapaxes(0, 1)
# expect: dataframe-bool-removed
flag = pd.Series([True]).bool()
# expect: dataframe-first-last-removed
head = df.first("3D")
# expect: dataframe-first-last-removed
tail = s.last("1W")
# expect: series-view-removed
ns = s.view("int64")
# expect: groupby-axis-removed
by_cols = df.groupby(["a", "a", "b"], axis=1).sum()
# expect: read-csv-delim-whitespace-removed
table = pd.read_csv("table.txt", delim_whitespace=True, header=None)
# expect: read-csv-date-parser-removed
logs = pd.read_csv("log.csv", parse_dates=["ts"], date_parser=lambda x: pd.to_datetime(x))
# expect: read-csv-infer-datetime-format-removed
fast = pd.read_csv("log.csv", parse_dates=["ts"], infer_datetime_format=True)
# expect: use-inf-as-na-option-removed
pd.set_option("mode.use_inf_as_na", True)
# expect: use-inf-as-na-option-removed
with pd.option_context("use_inf_as_na", True):
    pass
# expect: use-inf-as-na-option-removed
pd.options.mode.use_inf_as_na = True

# Deprecated in 2.1 (warnings).
# expect: is-categorical-dtype-deprecated
from pandas.api.types import is_categorical_dtype

# expect: is-categorical-dtype-deprecated
if pd.api.types.is_categorical_dtype(s):
    pass
# expect: is-datetime64tz-dtype-deprecated
aware = pd.api.types.is_datetime64tz_dtype(df.index)
# expect: is-period-dtype-deprecated
periods = pd.api.types.is_period_dtype(s.dtype)
# expect: is-interval-dtype-deprecated
intervals = pd.api.types.is_interval_dtype(s.dtype)
# expect: is-sparse-deprecated
sparse = pd.api.types.is_sparse(s)
