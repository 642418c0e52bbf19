# pandas 1.x code in a project that depends on pandas 2.x / 3.x.
import pandas as pd
from pandas import read_csv

df = pd.DataFrame({"a": [1, 2, 3]})
other = pd.DataFrame({"a": [4]})
row = {"a": 5}

# expect: dataframe-append-removed
df = df.append(other, ignore_index=True)
# expect: dataframe-append-removed
df = df.append(row, ignore_index=True, sort=False)
# expect: dataframe-append-removed
s = df["a"].append(pd.Series([9]), verify_integrity=True)

# expect: iteritems-removed
for name, column in df.items():
    print(name, column)

# expect: is-monotonic-removed
if df.index.is_monotonic_increasing:
    pass

# expect: pandas-datetime-removed
today = pd.datetime.now()
# expect: pandas-np-removed
missing = pd.np.nan

# expect: to-csv-line-terminator-removed
df.to_csv("out.csv", lineterminator="\n", index=False)
df.to_csv(
    "out.csv",
    # expect: to-csv-line-terminator-removed
    lineterminator="\r\n",
)

# expect: read-csv-squeeze-removed
ids = pd.read_csv("ids.csv", squeeze=True)
# expect: read-csv-squeeze-removed
ids = read_csv("ids.csv", usecols=["id"], squeeze=True)
# expect: read-csv-bad-lines-removed
raw = pd.read_csv("raw.csv", error_bad_lines=False)
# expect: read-csv-bad-lines-removed, read-csv-bad-lines-removed
raw = pd.read_table("raw.tsv", error_bad_lines=False, warn_bad_lines=True)

# expect: mad-removed
spread = df["a"].mad()
# expect: mad-removed
spread = df.mad(axis=0)

# expect: numeric-index-classes-removed
idx = pd.Int64Index([1, 2, 3])
# expect: numeric-index-classes-removed
is_float = isinstance(idx, pd.Float64Index)

# expect: applymap-removed
clean = df.map(lambda v: v * 2)
# expect: applymap-removed
styled = df.style.map(lambda v: "color: red", subset=["a"])

# expect: fillna-method-ffill-removed
filled = df.ffill()
# expect: fillna-method-ffill-removed
df.ffill(inplace=True, limit=2)
# expect: fillna-method-bfill-removed
filled = df.bfill(axis=0)
# expect: fillna-method-bfill-removed
filled = df.groupby("a").bfill()
