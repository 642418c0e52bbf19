# pandas 0.x code (pandas_legacy.yaml) in a project that depends on a current pandas.
import pandas as pd
# expect: pandas-rolling-functions-removed
from pandas import rolling_mean
# expect: pandas-ols-removed
from pandas.stats.api import ols

df = pd.read_csv("prices.csv")
s = df["close"]

# expect: pandas-ols-removed
model = pd.ols(y=df["y"], x=df[["x"]])
# expect: pandas-ols-removed
fm = pd.fama_macbeth(y=df["y"], x=df[["x"]])

# expect: dataframe-sort-removed
df = df.sort("close", ascending=False)
# expect: dataframe-sort-removed
ordered = s.order()

# expect: pandas-timeseries-removed
ts = pd.TimeSeries([1, 2, 3])

# expect: irow-icol-removed
first_row = df.irow(0)
# expect: irow-icol-removed
first_col = df.icol(0)


def cell(frame):
    # expect: irow-icol-removed
    return frame.iget_value(0, 1)


# expect: pandas-rolling-functions-removed
ma = pd.rolling_mean(s, 20)
# expect: pandas-rolling-functions-removed
sd = pd.rolling_std(s, 20, min_periods=1)
# expect: pandas-rolling-functions-removed
total = pd.expanding_sum(s)
# expect: pandas-rolling-functions-removed
smooth = pd.ewma(s, span=10)

# expect: pandas-ordered-merge-removed
merged = pd.ordered_merge(df, df, on="date")

# expect: pandas-panel-removed
panel = pd.Panel({"a": df})

# expect: pandas-timegrouper-removed
monthly = df.groupby(pd.TimeGrouper("M")).sum()

# expect: convert-objects-removed
df = df.convert_objects(convert_numeric=True)

# expect: dataframe-select-removed
subset = pd.read_csv("b.csv").select(lambda label: label.startswith("a"), axis=1)

# expect: reindex-axis-removed
df = df.reindex_axis(["a", "b"], axis=1)

# expect: from-csv-removed
old = pd.DataFrame.from_csv("prices.csv")
# expect: from-csv-removed
old_s = pd.Series.from_csv("prices.csv")
# expect: pandas-ols-removed
panel_model = pd.stats.plm.PanelOLS
